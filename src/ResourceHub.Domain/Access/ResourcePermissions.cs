using ResourceHub.Domain.Resources;

namespace ResourceHub.Domain.Access;

/// <summary>Who may create and change resources. Read access is <see cref="VisibilityScope"/>.</summary>
public static class ResourcePermissions
{
    public static bool CanCreate(Caller caller) => Roles.Contributors.Contains(caller.Role);

    /// <summary>Admins change anything; vendors their organisation's items; teachers their own contributions.</summary>
    public static bool CanModify(Caller caller, Resource resource) => caller.Role switch
    {
        Roles.Admin => true,
        Roles.Vendor => resource.OwnerOrg == caller.OrgCode,
        Roles.Teacher => resource.CreatedBy == caller.UserId,
        _ => false,
    };
}
