namespace ResourceHub.Application.Identity;

/// <summary>The claims ResourceHub reads from a token (OIDC providers map theirs to these).</summary>
public static class ClaimNames
{
    public const string UserId = "sub";
    public const string DisplayName = "name";
    public const string Role = "role";
    public const string Org = "org";
    /// <summary>Repeated once per subject code an expert reviews.</summary>
    public const string Subject = "subject";
}
