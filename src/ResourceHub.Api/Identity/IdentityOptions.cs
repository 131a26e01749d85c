namespace ResourceHub.Api.Identity;

/// <summary>
/// Config section "ResourceHub:Auth". With Authority set, tokens come from that OIDC provider;
/// otherwise the service signs its own with a key kept in the data directory.
/// </summary>
public sealed class IdentityOptions
{
    public string? Authority { get; set; }
    public string Audience { get; set; } = "resourcehub";
    public bool RequireHttpsMetadata { get; set; } = true;
    public string LocalIssuer { get; set; } = "resourcehub-local";

    /// <summary>The web app's client at the provider (code flow with PKCE); web sign-in uses the provider when set with Authority.</summary>
    public string? ClientId { get; set; }

    /// <summary>For a confidential client; leave empty for a public one (PKCE alone).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Local accounts beside the provider (e.g. a break-glass admin). Default: only when no provider is set.</summary>
    public bool? LocalSignIn { get; set; }

    public bool UsesProvider => !string.IsNullOrEmpty(Authority) && !string.IsNullOrEmpty(ClientId);
}
