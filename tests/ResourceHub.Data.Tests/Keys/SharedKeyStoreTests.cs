using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using ResourceHub.Data.Keys;
using ResourceHub.Testing;

namespace ResourceHub.Data.Tests.Keys;

/// <summary>Keys every replica shares: created once even when processes start together, read back intact.</summary>
public abstract class SharedKeyStoreTests(string provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Racing_first_starts_all_get_the_same_secret()
    {
        var values = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            await using var db = _db.CreateContext();
            return await new SharedSecretStore(db).GetOrAddAsync("jwt", () => $"candidate-{i}");
        })));
        Assert.Single(values.Distinct());
        Assert.StartsWith("candidate-", values[0]);
        await using var again = _db.CreateContext();
        Assert.Equal(values[0], await new SharedSecretStore(again).GetOrAddAsync("jwt", () => "later"));
    }

    [Fact]
    public void Data_protection_keys_are_stored_and_read_back_in_order()
    {
        var services = new ServiceCollection().AddScoped(_ => _db.CreateContext()).BuildServiceProvider();
        var repository = new DatabaseXmlRepository(services.GetRequiredService<IServiceScopeFactory>());
        Assert.Empty(repository.GetAllElements());
        repository.StoreElement(new XElement("key", new XAttribute("id", "1"), new XElement("secret", "第一")), "key-1");
        repository.StoreElement(new XElement("key", new XAttribute("id", "2")), "key-2");

        var other = new DatabaseXmlRepository(services.GetRequiredService<IServiceScopeFactory>());
        var keys = other.GetAllElements();
        Assert.Equal(["1", "2"], keys.Select(k => (string?)k.Attribute("id")));
        Assert.Equal("第一", keys.First().Element("secret")?.Value);
    }
}

public sealed class SqliteSharedKeyStoreTests() : SharedKeyStoreTests(DatabaseOptions.Sqlite);

public sealed class PostgresSharedKeyStoreTests() : SharedKeyStoreTests(DatabaseOptions.Postgres);
