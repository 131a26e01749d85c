using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ResourceHub.Api.Identity;
using ResourceHub.Data;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Identity;

/// <summary>A signed token is still refused when it lacks the claims authorization rests on.</summary>
public sealed class TokenClaimsTests() : ApiTest(DatabaseOptions.Sqlite)
{
    private string Sign(params (string Type, string Value)[] claims)
    {
        var key = Api.Services.GetRequiredService<LocalSigningKeySource>().Key;
        var options = new IdentityOptions();
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.LocalIssuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value))),
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> Call(string token, string path = "/odata/Resources")
    {
        var client = Api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static TheoryData<string, string> Paths() => new() { { "list", "/odata/Resources" }, { "metadata", "/odata/$metadata" } };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_token_without_an_org_claim_is_refused_with_a_chinese_message(string _, string path)
    {
        var (status, body) = await Call(Sign(("sub", "t1"), ("role", "teacher")), path);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("Unauthorized", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("机构", body.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_token_with_an_empty_org_is_refused() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await Call(Sign(("sub", "t1"), ("role", "teacher"), ("org", " ")))).Status);

    [Theory]
    [InlineData("superuser")]
    [InlineData("Admin")]
    [InlineData("")]
    public async Task A_role_outside_the_list_is_refused(string role)
    {
        var (status, body) = await Call(Sign(("sub", "t1"), ("role", role), ("org", "bh-no1")));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("角色", body.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_token_without_a_subject_id_is_refused() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await Call(Sign(("role", "teacher"), ("org", "bh-no1")))).Status);

    [Fact]
    public async Task Complete_claims_are_accepted() =>
        Assert.Equal(HttpStatusCode.OK, (await Call(Sign(("sub", "t1"), ("role", "teacher"), ("org", "bh-no1")))).Status);
}
