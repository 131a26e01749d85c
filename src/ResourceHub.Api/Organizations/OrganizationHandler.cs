using ResourceHub.Api.OData;
using ResourceHub.Api.OData.Querying;
using ResourceHub.Application.Organizations;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Organizations;

namespace ResourceHub.Api.Organizations;

/// <summary>Organizations: every authenticated caller reads them; admins create, change or delete those of their region (<see cref="OrganizationPermissions"/>).</summary>
public sealed class OrganizationHandler(ResourceHubDbContext db, ODataJsonWriter writer, OrganizationAdmin organizations)
    : QueryableSetHandler<Organization>(writer)
{
    private static readonly IReadOnlySet<string> Writable = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { "Code", "Name", "Kind", "Tier", "ParentCode" };

    protected override EntityDefinition<Organization> Definition => OrganizationDefinition.Instance;

    protected override IQueryable<Organization> Readable(Caller caller) => db.Organizations;

    public override async Task CreateAsync(HttpContext context)
    {
        var caller = context.RequireCaller();
        if (!caller.IsAdmin)
            throw ODataProblem.Forbidden("只有管理员可以维护机构 (only admins create, change or delete organisations)");
        var body = await RequestBody.ReadAsync(context.Request, Writable, new HashSet<string>());
        var errors = new List<ODataErrorDetail>();
        var input = new OrganizationInput(body.String("Code", errors), body.String("Name", errors), body.String("Kind", errors),
            body.String("Tier", errors), body.String("ParentCode", errors));
        RequestBody.ThrowIfAny(errors);
        await RespondCreatedAsync(context, await organizations.CreateAsync(caller, input, context.RequestAborted));
    }

    public override async Task PatchAsync(HttpContext context, object key)
    {
        var caller = context.RequireCaller();
        var code = (string)key;
        var body = await RequestBody.ReadAsync(context.Request, Writable, new HashSet<string>());
        var errors = new List<ODataErrorDetail>();
        if (body.Has("Code") && body.String("Code", errors) != code)
            errors.Add(new("ReadOnly", "机构代码不可修改 (Code is the key and cannot change)", "Code"));
        var name = body.Has("Name") ? body.String("Name", errors)?.Trim() ?? "" : null;
        var kind = body.Has("Kind") ? body.String("Kind", errors) ?? "" : null;
        var tier = body.Has("Tier") ? body.String("Tier", errors) ?? "" : null;
        var parent = body.Has("ParentCode") ? (Value: body.String("ParentCode", errors), Set: true) : (null, false);
        RequestBody.ThrowIfAny(errors);
        await organizations.UpdateAsync(caller, code, org =>
        {
            org.Name = name ?? org.Name;
            org.Kind = kind ?? org.Kind;
            org.Tier = tier ?? org.Tier;
            if (parent.Set)
                org.ParentCode = parent.Value;
        }, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    public override async Task DeleteAsync(HttpContext context, object key)
    {
        await organizations.DeleteAsync(context.RequireCaller(), (string)key, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
