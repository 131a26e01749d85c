using Microsoft.EntityFrameworkCore;
using ResourceHub.Api.OData;
using ResourceHub.Api.OData.Querying;
using ResourceHub.Application.Identity;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Organizations;
using ResourceHub.Domain.Taxonomy;

namespace ResourceHub.Api.Organizations;

/// <summary>Organizations: every authenticated caller reads them; admins create, change or delete those of their region (<see cref="OrganizationPermissions"/>).</summary>
public sealed class OrganizationHandler(ResourceHubDbContext db, ODataJsonWriter writer, TaxonomyCatalog taxonomy, OrganizationDirectory directory)
    : QueryableSetHandler<Organization>(writer)
{
    private static readonly IReadOnlySet<string> Writable = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { "Code", "Name", "Kind", "Tier", "ParentCode" };

    protected override EntityDefinition<Organization> Definition => OrganizationDefinition.Instance;

    protected override IQueryable<Organization> Readable(Caller caller) => db.Organizations;

    public override async Task CreateAsync(HttpContext context)
    {
        RequireAdmin(context);
        var body = await RequestBody.ReadAsync(context.Request, Writable, new HashSet<string>());
        var errors = new List<ODataErrorDetail>();
        var org = new Organization { Code = body.String("Code", errors)?.Trim() ?? "" };
        if (org.Code.Length is 0 or > 64)
            errors.Add(new("InvalidValue", "机构代码不能为空且不超过 64 字符 (Code is required, at most 64 characters)", "Code"));
        else if (await db.Organizations.AnyAsync(o => o.Code == org.Code, context.RequestAborted))
            errors.Add(new("Duplicate", $"机构代码 {org.Code} 已存在 (an organisation with this Code exists)", "Code"));
        Apply(body, org, errors);
        await AuthorizeAsync(context, org, exists: false);
        db.Organizations.Add(org);
        await SaveAsync(context);
        await RespondCreatedAsync(context, org);
    }

    public override async Task PatchAsync(HttpContext context, object key)
    {
        var org = await FindForAdminAsync(context, key);
        var body = await RequestBody.ReadAsync(context.Request, Writable, new HashSet<string>());
        var errors = new List<ODataErrorDetail>();
        if (body.Has("Code") && body.String("Code", errors) != org.Code)
            errors.Add(new("ReadOnly", "机构代码不可修改 (Code is the key and cannot change)", "Code"));
        Apply(body, org, errors);
        await AuthorizeAsync(context, org, exists: true);
        await SaveAsync(context);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    public override async Task DeleteAsync(HttpContext context, object key)
    {
        var org = await FindForAdminAsync(context, key);
        await AuthorizeAsync(context, org, exists: true);
        db.Organizations.Remove(org);
        await SaveAsync(context);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private void Apply(RequestBody body, Organization org, List<ODataErrorDetail> errors)
    {
        if (body.Has("Name")) org.Name = body.String("Name", errors)?.Trim() ?? "";
        if (body.Has("Kind")) org.Kind = body.String("Kind", errors) ?? "";
        if (body.Has("Tier")) org.Tier = body.String("Tier", errors) ?? "";
        if (body.Has("ParentCode")) org.ParentCode = body.String("ParentCode", errors);
        if (string.IsNullOrWhiteSpace(org.Name) || org.Name.Length > 200)
            errors.Add(new("InvalidValue", "机构名称不能为空且不超过 200 字 (Name is required, at most 200 characters)", "Name"));
        if (taxonomy.OrganizationKinds.Check(org.Kind) is { } kind)
            errors.Add(new("InvalidValue", kind, "Kind"));
        if (taxonomy.Tiers.Check(org.Tier) is { } tier)
            errors.Add(new("InvalidValue", tier, "Tier"));
        RequestBody.ThrowIfAny(errors);
    }

    private async Task<Organization> FindForAdminAsync(HttpContext context, object key)
    {
        RequireAdmin(context);
        var code = (string)key;
        return await db.Organizations.FirstOrDefaultAsync(o => o.Code == code, context.RequestAborted)
               ?? throw ODataProblem.NotFound($"机构 {code} 不存在 (no organisation with this code)");
    }

    private async Task AuthorizeAsync(HttpContext context, Organization org, bool exists)
    {
        var tree = await directory.TreeAsync(db, context.RequestAborted);
        if (OrganizationPermissions.Denial(context.RequireCaller(), tree, org, exists) is { } denial)
            throw ODataProblem.Forbidden(denial);
    }

    private async Task SaveAsync(HttpContext context)
    {
        await db.SaveChangesAsync(context.RequestAborted);
        directory.Invalidate(); // regions change with the tree
    }

    private static void RequireAdmin(HttpContext context)
    {
        if (!context.RequireCaller().IsAdmin)
            throw ODataProblem.Forbidden("只有管理员可以维护机构 (only admins create, change or delete organisations)");
    }
}
