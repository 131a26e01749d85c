using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using ResourceHub.Api.Hosting;
using ResourceHub.Data;

namespace ResourceHub.Testing;

/// <summary>
/// The production host on a loopback port (Kestrel, worker included) with the demo data, over a fresh SQLite
/// database: what the browser suites and the web bench drive.
/// </summary>
public sealed class DemoHost : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly WebApplication _app;

    private DemoHost(TestDatabase database, WebApplication app, string baseUrl)
    {
        _database = database;
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }
    public IServiceProvider Services => _app.Services;
    public string DataDir => _database.DataDir;

    /// <param name="settings">More `--key=value` arguments for the host.</param>
    public static async Task<DemoHost> StartAsync(params string[] settings)
    {
        var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        var app = ServiceHost.Build([
            "--urls", "http://127.0.0.1:0",
            $"--{DataDirectory.ConfigKey}={database.DataDir}",
            $"--ResourceHub:Database:Provider={database.Provider}",
            $"--ResourceHub:Database:ConnectionString={database.ConnectionString}",
            "--ResourceHub:DemoData=true",
            "--Logging:LogLevel:Default=Warning",
            .. settings,
        ]);
        await app.Services.PrepareStorageAsync();
        await app.StartAsync();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DemoHost(database, app, baseUrl);
    }

    /// <summary>Polls the database until <paramref name="done"/> holds (background work such as transcoding or indexing).</summary>
    public async Task WaitForAsync(Func<ResourceHubDbContext, Task<bool>> done, string what, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            await using (var scope = Services.CreateAsyncScope())
                if (await done(scope.ServiceProvider.GetRequiredService<ResourceHubDbContext>()))
                    return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"waited {within.TotalMinutes:0} minutes for {what}");
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }
}
