namespace ResourceHub.Domain.Access;

/// <summary>The authenticated caller as the domain sees it (built from token claims).</summary>
public sealed record Caller(string UserId, string DisplayName, string Role, string OrgCode, IReadOnlyList<string> Subjects)
{
    public bool IsAdmin => Role == Roles.Admin;
    public bool Is(string role) => Role == role;
}
