using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using ResourceHub.Api.Hosting;
using ResourceHub.Api.Identity;
using ResourceHub.Data;
using ResourceHub.Data.Keys;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Identity;

/// <summary>
/// Two API replicas over one database, each with its own data directory, started at the same moment:
/// they agree on one signing key and one data-protection key, so either accepts what the other issued.
/// </summary>
public abstract class SharedKeysTests(string provider) : IAsyncLifetime
{
    private readonly string _otherDataDir = Directory.CreateTempSubdirectory("rh-replica-").FullName;
    private TestDatabase _db = null!;
    private ApiFactory _first = null!;
    private ApiFactory _second = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(provider);
        var starts = new[]
        {
            ApiFactory.StartAsync(_db, Settings(_db.DataDir)),
            ApiFactory.StartAsync(_db, Settings(_otherDataDir)),
        };
        (_first, _second) = (await starts[0], await starts[1]);
    }

    private static Dictionary<string, string?> Settings(string dataDir) => new()
    {
        [DataDirectory.ConfigKey] = dataDir,
        ["ResourceHub:Role"] = "api",
    };

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _db.DisposeAsync();
        Directory.Delete(_otherDataDir, recursive: true);
    }

    protected static async Task<HttpStatusCode> ListWith(ApiFactory api, string token)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.GetAsync("/odata/Resources")).StatusCode;
    }

    [Fact]
    public async Task A_token_minted_for_one_replica_is_accepted_by_the_other()
    {
        Assert.Equal(HttpStatusCode.OK, await ListWith(_second, _first.Token("t1", "teacher", "bh-no1")));
        Assert.Equal(HttpStatusCode.OK, await ListWith(_first, _second.Token("t2", "teacher", "bh-no1")));
        Assert.Equal(_first.Services.GetRequiredService<LocalSigningKeySource>().Key.Key,
            _second.Services.GetRequiredService<LocalSigningKeySource>().Key.Key);
        Assert.False(Directory.Exists(Path.Combine(_db.DataDir, "keys")));
        Assert.False(Directory.Exists(Path.Combine(_otherDataDir, "keys")));
    }

    [Fact]
    public async Task Data_protected_by_one_replica_is_read_by_the_other_with_one_shared_key()
    {
        var secret = _first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("antiforgery").Protect("表单令牌");
        Assert.Equal("表单令牌", _second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("antiforgery").Unprotect(secret));
        await using var db = _db.CreateContext();
        Assert.Equal(1, await db.Set<DataProtectionKeyRow>().CountAsync());
    }
}

public sealed class SqliteSharedKeysTests() : SharedKeysTests(DatabaseOptions.Sqlite)
{
    [Fact]
    public async Task A_key_file_left_by_an_older_version_is_adopted()
    {
        var dataDir = Directory.CreateTempSubdirectory("rh-legacy-").FullName;
        await using var db = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        try
        {
            var legacy = new byte[32];
            legacy[0] = 7;
            Directory.CreateDirectory(Path.Combine(dataDir, "keys"));
            await File.WriteAllTextAsync(Path.Combine(dataDir, "keys", "jwt-signing.key"), Convert.ToBase64String(legacy));
            await using var api = await ApiFactory.StartAsync(db, new Dictionary<string, string?> { [DataDirectory.ConfigKey] = dataDir });
            var old = new TokenIssuer(new SymmetricSecurityKey(legacy) { KeyId = "local" }, new IdentityOptions()).Issue("t1", "teacher", "bh-no1");
            Assert.Equal(HttpStatusCode.OK, await ListWith(api, old));
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }
}

public sealed class PostgresSharedKeysTests() : SharedKeysTests(DatabaseOptions.Postgres);
