using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using ResourceHub.Api.Identity;
using ResourceHub.Data;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Identity;

public sealed class TokenTests() : ApiTest(DatabaseOptions.Sqlite)
{
    private async Task<HttpStatusCode> ListWith(string token)
    {
        var client = Api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.GetAsync("/odata/Resources")).StatusCode;
    }

    [Fact]
    public async Task A_token_from_the_local_key_is_accepted() =>
        Assert.Equal(HttpStatusCode.OK, await ListWith(Api.Token("t1", "teacher", "bh-no1")));

    [Fact]
    public async Task A_token_signed_with_another_key_is_treated_as_anonymous()
    {
        var foreign = new TokenIssuer(new SymmetricSecurityKey(new byte[32]) { KeyId = "local" }, new IdentityOptions());
        Assert.Equal(HttpStatusCode.Unauthorized, await ListWith(foreign.Issue("t1", "teacher", "bh-no1")));
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var issuer = new TokenIssuer(Api.Services.GetRequiredService<LocalSigningKeySource>().Key, new IdentityOptions());
        Assert.Equal(HttpStatusCode.Unauthorized, await ListWith(issuer.Issue("t1", "teacher", "bh-no1", lifetime: TimeSpan.FromMinutes(-5))));
    }

    [Fact]
    public async Task A_valid_token_is_remembered_and_a_forged_one_never_is()
    {
        var cache = Api.Services.GetRequiredService<ValidatedTokens>();
        var token = Api.Token("t-cache", "teacher", "bh-no1");
        Assert.Equal(HttpStatusCode.OK, await ListWith(token));
        Assert.NotNull(cache.Find(token));
        Assert.Equal(HttpStatusCode.OK, await ListWith(token)); // served from the cache

        var forged = new TokenIssuer(new SymmetricSecurityKey(new byte[32]) { KeyId = "local" }, new IdentityOptions()).Issue("t-cache", "admin", "");
        Assert.Equal(HttpStatusCode.Unauthorized, await ListWith(forged));
        Assert.Equal(HttpStatusCode.Unauthorized, await ListWith(forged));
        Assert.Null(cache.Find(forged));
    }
}
