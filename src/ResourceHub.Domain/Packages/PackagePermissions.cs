using System.Linq.Expressions;
using ResourceHub.Domain.Access;

namespace ResourceHub.Domain.Packages;

/// <summary>
/// Who may see and change a package. Until packages go through curation every package is a draft: its creator,
/// members of its owner organisation and admins whose region holds that organisation see it; the creator,
/// vendors of the organisation and those admins change it.
/// </summary>
public static class PackagePermissions
{
    /// <summary>The read rule as an expression, so the database applies it to every query.</summary>
    public static Expression<Func<Package, bool>> Readable(Caller caller)
    {
        var user = caller.UserId;
        var org = caller.OrgCode;
        var everywhere = caller.IsAdmin && caller.Region.Everywhere;
        var region = caller.IsAdmin ? caller.Region.Orgs.ToList() : [];
        return p => p.CreatedBy == user || p.OwnerOrg == org || everywhere || region.Contains(p.OwnerOrg);
    }

    public static bool CanModify(Caller caller, Package package) =>
        package.CreatedBy == caller.UserId
        || (caller.Role == Roles.Vendor && package.OwnerOrg == caller.OrgCode)
        || (caller.IsAdmin && caller.Region.Contains(package.OwnerOrg));
}
