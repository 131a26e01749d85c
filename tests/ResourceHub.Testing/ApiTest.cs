using Xunit;

namespace ResourceHub.Testing;

/// <summary>
/// A test class with its own fresh database and in-memory API, created before and removed after
/// its tests. Subclasses pick the provider and may add settings (e.g. S3).
/// </summary>
public abstract class ApiTest(string provider, Func<IDictionary<string, string?>>? settings = null) : IAsyncLifetime
{
    protected TestDatabase Db { get; private set; } = null!;
    protected ApiFactory Api { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync(provider);
        Api = await ApiFactory.StartAsync(Db, settings?.Invoke());
    }

    public virtual async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await Db.DisposeAsync();
    }
}
