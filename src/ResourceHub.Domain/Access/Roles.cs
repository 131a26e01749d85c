namespace ResourceHub.Domain.Access;

public static class Roles
{
    public const string Teacher = "teacher";
    public const string WorkshopHost = "workshop-host";
    public const string Expert = "expert";
    public const string Vendor = "vendor";
    public const string Admin = "admin";

    /// <summary>Who may create resources and upload files.</summary>
    public static readonly IReadOnlyList<string> Contributors = [Vendor, Teacher, Admin];
}
