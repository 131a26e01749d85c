using System.Linq.Expressions;
using ResourceHub.Domain.Access;

namespace ResourceHub.Domain.Packages;

/// <summary>
/// Who may see and change a package. Reading follows the resources' rule (<see cref="VisibilityScope"/>): published and
/// recommended packages are everyone's, a draft its creator's (and its organisation's for vendors, its region's for
/// admins), one under review also the subject's experts'. The creator, vendors of the organisation and admins of its
/// region change it, while it is a draft or sent back (<see cref="Editable"/>).
/// </summary>
public static class PackagePermissions
{
    /// <summary>The read rule as an expression, so the database applies it to every query.</summary>
    public static Expression<Func<Package, bool>> Readable(Caller caller) => VisibilityScope.For(caller).ToExpression<Package>();

    /// <summary>States whose content may still change; anything submitted or live is frozen as reviewed.</summary>
    public static readonly IReadOnlyList<string> Editable =
        [Resources.ResourceStatus.Draft, Resources.ResourceStatus.ChangesRequested, Resources.ResourceStatus.Rejected];

    public static bool CanModify(Caller caller, Package package) =>
        package.CreatedBy == caller.UserId
        || (caller.Role == Roles.Vendor && package.OwnerOrg == caller.OrgCode)
        || (caller.IsAdmin && caller.Region.Contains(package.OwnerOrg));
}
