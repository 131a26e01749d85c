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
}
