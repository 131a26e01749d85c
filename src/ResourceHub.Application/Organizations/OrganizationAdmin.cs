using Microsoft.EntityFrameworkCore;
using ResourceHub.Application.Identity;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Organizations;
using ResourceHub.Domain.Taxonomy;

namespace ResourceHub.Application.Organizations;

/// <summary>A new organisation as an admin enters it.</summary>
public sealed record OrganizationInput(string? Code, string? Name, string? Kind, string? Tier, string? ParentCode);

/// <summary>
/// Maintaining organisations (<see cref="OrganizationPermissions"/>): admins list those of their region and create,
/// change or delete those below their own. The OData set and the admin pages call these.
/// </summary>
public sealed class OrganizationAdmin(ResourceHubDbContext db, TaxonomyCatalog taxonomy, OrganizationDirectory directory)
{
    public const int MaxCodeLength = 64;
    public const int MaxNameLength = 200;
    public const int ListSize = 500;

    /// <summary>The organisations of the admin's region (everything for the platform admin), by code.</summary>
    public async Task<List<Organization>> ListAsync(Caller caller, CancellationToken ct)
    {
        RequireAdmin(caller);
        var orgs = db.Organizations.AsNoTracking();
        if (!caller.Region.Everywhere)
        {
            var region = caller.Region.Orgs.ToList();
            orgs = orgs.Where(o => region.Contains(o.Code));
        }
        return await orgs.OrderBy(o => o.Code).Take(ListSize).ToListAsync(ct);
    }

    public async Task<Organization> CreateAsync(Caller caller, OrganizationInput input, CancellationToken ct)
    {
        RequireAdmin(caller);
        var org = new Organization
        {
            Code = input.Code?.Trim() ?? "", Name = input.Name?.Trim() ?? "", Kind = input.Kind?.Trim() ?? "", Tier = input.Tier?.Trim() ?? "",
            ParentCode = string.IsNullOrWhiteSpace(input.ParentCode) ? null : input.ParentCode.Trim(),
        };
        var errors = new List<AppErrorDetail>();
        if (org.Code.Length is 0 or > MaxCodeLength || org.Code.Any(char.IsWhiteSpace))
            errors.Add(new("InvalidValue", $"机构代码不能为空、不能含空格且不超过 {MaxCodeLength} 字符 (Code is required, at most {MaxCodeLength} characters)", "Code"));
        else if (await db.Organizations.AnyAsync(o => o.Code == org.Code, ct))
            errors.Add(new("Duplicate", $"机构代码 {org.Code} 已存在 (an organisation with this Code exists)", "Code"));
        Check(org, errors);
        await AuthorizeAsync(caller, org, exists: false, ct);
        db.Organizations.Add(org);
        await SaveAsync(ct);
        return org;
    }

    /// <summary>Applies <paramref name="change"/> (any field but Code), then checks the result and who may make it.</summary>
    public async Task<Organization> UpdateAsync(Caller caller, string code, Action<Organization> change, CancellationToken ct)
    {
        var org = await FindAsync(caller, code, ct);
        change(org);
        if (org.Code != code)
            throw AppError.BadRequest("机构代码不可修改 (Code is the key and cannot change)", "Code");
        Check(org, []);
        await AuthorizeAsync(caller, org, exists: true, ct);
        await SaveAsync(ct);
        return org;
    }

    public async Task DeleteAsync(Caller caller, string code, CancellationToken ct)
    {
        var org = await FindAsync(caller, code, ct);
        await AuthorizeAsync(caller, org, exists: true, ct);
        // Codes are plain strings in other tables: deleting a used one would leave resources and people with no owner.
        if (await InUseByAsync(code, ct) is { } use)
            throw AppError.Conflict($"机构“{org.Name}”还有{use}，不能删除；请先移走或删除它们 (the organisation is still in use)");
        db.Organizations.Remove(org);
        await SaveAsync(ct);
    }

    private async Task<string?> InUseByAsync(string code, CancellationToken ct)
    {
        if (await db.Organizations.AnyAsync(o => o.ParentCode == code, ct))
            return "下级机构";
        if (await db.Users.AnyAsync(u => u.OrgCode == code, ct))
            return "用户账号";
        if (await db.Resources.AnyAsync(r => r.OwnerOrg == code, ct))
            return "资源";
        return null;
    }

    private async Task<Organization> FindAsync(Caller caller, string code, CancellationToken ct)
    {
        RequireAdmin(caller);
        return await db.Organizations.FirstOrDefaultAsync(o => o.Code == code, ct)
               ?? throw AppError.NotFound($"机构 {code} 不存在 (no organisation with this code)");
    }

    private void Check(Organization org, List<AppErrorDetail> errors)
    {
        if (string.IsNullOrWhiteSpace(org.Name) || org.Name.Length > MaxNameLength)
            errors.Add(new("InvalidValue", $"机构名称不能为空且不超过 {MaxNameLength} 字 (Name is required, at most {MaxNameLength} characters)", "Name"));
        if (taxonomy.OrganizationKinds.Check(org.Kind) is { } kind)
            errors.Add(new("InvalidValue", kind, "Kind"));
        if (taxonomy.Tiers.Check(org.Tier) is { } tier)
            errors.Add(new("InvalidValue", tier, "Tier"));
        if (errors.Count > 0)
            throw AppError.Invalid(errors);
    }

    private async Task AuthorizeAsync(Caller caller, Organization org, bool exists, CancellationToken ct)
    {
        var tree = await directory.TreeAsync(db, ct);
        if (OrganizationPermissions.Denial(caller, tree, org, exists) is { } denial)
            throw AppError.Forbidden(denial);
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        directory.Invalidate(); // regions change with the tree
    }

    private static void RequireAdmin(Caller caller)
    {
        if (!caller.IsAdmin)
            throw AppError.Forbidden("只有管理员可以维护机构 (only admins create, change or delete organisations)");
    }
}
