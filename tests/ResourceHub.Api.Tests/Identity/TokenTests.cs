using System.Net;
using System.Net.Http.Headers;
using Microsoft.IdentityModel.Tokens;
using ResourceHub.Api.Identity;
using ResourceHub.Data;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Identity;

public sealed class TokenTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private ApiFactory _api = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        _api = await ApiFactory.StartAsync(_db);
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _db.DisposeAsync();
    }

    private async Task<HttpStatusCode> ListWith(string token)
    {
        var client = _api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.GetAsync("/odata/Resources")).StatusCode;
    }

    [Fact]
    public async Task A_token_from_the_local_key_is_accepted() =>
        Assert.Equal(HttpStatusCode.OK, await ListWith(_api.Token("t1", "teacher", "bh-no1")));

    [Fact]
    public async Task A_token_signed_with_another_key_is_treated_as_anonymous()
    {
        var foreign = new TokenIssuer(new SymmetricSecurityKey(new byte[32]) { KeyId = "local" }, new IdentityOptions());
        Assert.Equal(HttpStatusCode.Unauthorized, await ListWith(foreign.Issue("t1", "teacher", "bh-no1")));
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var issuer = new TokenIssuer(LocalSigningKey.LoadOrCreate(_db.DataDir), new IdentityOptions());
        Assert.Equal(HttpStatusCode.Unauthorized, await ListWith(issuer.Issue("t1", "teacher", "bh-no1", lifetime: TimeSpan.FromMinutes(-5))));
    }

    [Fact]
    public void The_signing_key_is_created_once_and_reused()
    {
        var dir = Directory.CreateTempSubdirectory("rh-key-").FullName;
        try
        {
            var first = LocalSigningKey.LoadOrCreate(dir);
            var second = LocalSigningKey.LoadOrCreate(dir);
            Assert.Equal(first.Key, second.Key);
            Assert.Equal(32, first.Key.Length);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
