namespace ResourceHub.Domain.Access;

/// <summary>The authenticated caller as the domain sees it (built from token claims).</summary>
public sealed record Caller(string UserId, string DisplayName, string Role, string OrgCode, IReadOnlyList<string> Subjects)
{
    /// <summary>What an admin manages (see <see cref="OrganizationTree"/>); filled in when the caller is resolved, empty otherwise.</summary>
    public AdminRegion Region { get; init; } = AdminRegion.None;

    public bool IsAdmin => Role == Roles.Admin;
    public bool Is(string role) => Role == role;
}
