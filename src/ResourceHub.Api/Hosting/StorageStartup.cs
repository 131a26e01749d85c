using ResourceHub.Api.Demo;
using ResourceHub.Data;
using ResourceHub.Data.Schema;

namespace ResourceHub.Api.Hosting;

public static class StorageStartup
{
    /// <summary>Brings the schema up to date and, on an empty database, loads the demo data when enabled.</summary>
    public static async Task PrepareStorageAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResourceHubDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILogger<SchemaMigrator>>();
        var applied = await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(db, ct);
        foreach (var version in applied)
            logger.LogInformation("Applied schema migration {Version}", version);
        await scope.ServiceProvider.GetRequiredService<Curation.RubricSeeder>().EnsureAsync(ct);
        var config = scope.ServiceProvider.GetRequiredService<IConfiguration>();
        if (config.GetValue("ResourceHub:DemoData", false))
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedIfEmptyAsync(ct);
            await scope.ServiceProvider.GetRequiredService<DemoAccounts>().EnsureAsync(ct);
        }
    }
}
