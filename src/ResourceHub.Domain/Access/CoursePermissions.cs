using ResourceHub.Domain.Courses;

namespace ResourceHub.Domain.Access;

/// <summary>Who may create and change courses. Every authenticated caller reads them; their items are filtered by <see cref="VisibilityScope"/>.</summary>
public static class CoursePermissions
{
    public static bool CanCreate(Caller caller) => caller.Role is Roles.Admin or Roles.Vendor or Roles.WorkshopHost;

    public static bool CanModify(Caller caller, Course course) => caller.Role switch
    {
        Roles.Admin => caller.Region.Contains(course.OwnerOrg),
        Roles.Vendor => course.OwnerOrg == caller.OrgCode,
        Roles.WorkshopHost => course.CreatedBy == caller.UserId,
        _ => false,
    };
}
