using System.Text.Json;
using ResourceHub.Application.Identity;
using ResourceHub.Domain.Access;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Identity;

/// <summary>The bundled Keycloak realm issues exactly the claims and roles the service checks (no Docker here to start it).</summary>
public sealed class KeycloakRealmTests
{
    private static readonly JsonElement Realm = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "deploy", "keycloak", "resourcehub-realm.json"))).RootElement;

    private static JsonElement WebClient => Realm.GetProperty("clients").EnumerateArray().Single(c => c.GetProperty("clientId").GetString() == "resourcehub-web");

    [Fact]
    public void The_web_client_uses_the_code_flow_with_PKCE_only()
    {
        Assert.True(WebClient.GetProperty("standardFlowEnabled").GetBoolean());
        Assert.False(WebClient.GetProperty("implicitFlowEnabled").GetBoolean());
        Assert.False(WebClient.GetProperty("directAccessGrantsEnabled").GetBoolean());
        Assert.Equal("S256", WebClient.GetProperty("attributes").GetProperty("pkce.code.challenge.method").GetString());
        Assert.All(WebClient.GetProperty("redirectUris").EnumerateArray(), u => Assert.EndsWith("/signin-oidc", u.GetString()));
    }

    [Fact]
    public void Mappers_put_role_org_and_subject_into_both_tokens_and_the_API_audience_into_access_tokens()
    {
        var mappers = WebClient.GetProperty("protocolMappers").EnumerateArray().ToList();
        foreach (var claim in new[] { ClaimNames.Role, ClaimNames.Org, ClaimNames.Subject })
        {
            var config = mappers.Single(m => m.GetProperty("config").TryGetProperty("claim.name", out var n) && n.GetString() == claim).GetProperty("config");
            Assert.Equal("true", config.GetProperty("id.token.claim").GetString());
            Assert.Equal("true", config.GetProperty("access.token.claim").GetString());
        }
        var audience = mappers.Single(m => m.GetProperty("protocolMapper").GetString() == "oidc-audience-mapper").GetProperty("config");
        Assert.Equal(new Api.Identity.IdentityOptions().Audience, audience.GetProperty("included.custom.audience").GetString());
    }

    [Fact]
    public void Every_demo_user_has_a_known_role_and_an_organisation_and_the_profile_offers_exactly_the_known_roles()
    {
        foreach (var user in Realm.GetProperty("users").EnumerateArray())
        {
            var attributes = user.GetProperty("attributes");
            Assert.True(Roles.IsKnown(attributes.GetProperty("role")[0].GetString()), user.GetProperty("username").GetString());
            Assert.False(string.IsNullOrWhiteSpace(attributes.GetProperty("org")[0].GetString()));
        }
        var profileJson = Realm.GetProperty("components").GetProperty("org.keycloak.userprofile.UserProfileProvider")[0]
            .GetProperty("config").GetProperty("kc.user.profile.config")[0].GetString()!;
        var role = JsonDocument.Parse(profileJson).RootElement.GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "role");
        var offered = role.GetProperty("validations").GetProperty("options").GetProperty("options").EnumerateArray().Select(o => o.GetString()).ToList();
        Assert.Equal(Roles.All.Order(), offered.Order());
    }
}
