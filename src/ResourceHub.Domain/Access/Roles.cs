namespace ResourceHub.Domain.Access;

public static class Roles
{
    public const string Teacher = "teacher";
    public const string WorkshopHost = "workshop-host";
    public const string Expert = "expert";
    public const string Vendor = "vendor";
    public const string Admin = "admin";

    /// <summary>Every role a token may carry; anything else is refused at sign-in.</summary>
    public static readonly IReadOnlyList<string> All = [Teacher, WorkshopHost, Expert, Vendor, Admin];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role);

    /// <summary>Who may create resources and upload files.</summary>
    public static readonly IReadOnlyList<string> Contributors = [Vendor, Teacher, Admin];
}
