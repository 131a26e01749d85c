using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Media;

/// <summary>A database, the API with a fast-polling media worker, and a vendor to upload as.</summary>
public abstract class WorkerTestBase(string provider) : IAsyncLifetime
{
    protected TestDatabase Db { get; private set; } = null!;
    protected ApiFactory Api { get; private set; } = null!;
    protected HttpClient Vendor { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync(provider);
        Api = await ApiFactory.StartAsync(Db, new Dictionary<string, string?>
        {
            ["ResourceHub:Jobs:PollSeconds"] = "0.2",
            ["ResourceHub:Jobs:HeartbeatSeconds"] = "0.5",
        });
        Vendor = Api.ClientAs("alice", "vendor", "acme");
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await Db.DisposeAsync();
    }
}
