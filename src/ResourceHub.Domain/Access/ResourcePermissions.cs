using ResourceHub.Domain.Resources;

namespace ResourceHub.Domain.Access;

/// <summary>Who may create and change resources. Read access is <see cref="VisibilityScope"/>.</summary>
public static class ResourcePermissions
{
    public static bool CanCreate(Caller caller) => Roles.Contributors.Contains(caller.Role);

    /// <summary>Admins change their region's items; vendors their organisation's; teachers their own contributions.</summary>
    public static bool CanModify(Caller caller, Resource resource) => caller.Role switch
    {
        Roles.Admin => caller.Region.Contains(resource.OwnerOrg),
        Roles.Vendor => resource.OwnerOrg == caller.OrgCode,
        Roles.Teacher => resource.CreatedBy == caller.UserId,
        _ => false,
    };

    /// <summary>
    /// The organisation a new item may be created for: the caller's own, or for an admin any inside its region.
    /// After creation OwnerOrg does not change through edits (see <see cref="OwnerOrgIsFixed"/>).
    /// </summary>
    public static bool CanCreateFor(Caller caller, string ownerOrg) =>
        ownerOrg == caller.OrgCode || (caller.IsAdmin && caller.Region.Contains(ownerOrg));

    public const string OwnerOrgIsFixed =
        "资源的所属机构创建后不能修改 (OwnerOrg cannot be changed by an edit; items move between organisations only by a platform administrator's audited transfer)";
}
