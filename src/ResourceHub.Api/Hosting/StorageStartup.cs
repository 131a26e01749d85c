using ResourceHub.Api.Demo;
using ResourceHub.Api.Identity;
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
        // Keys every replica shares, created once by whichever process gets there first.
        _ = scope.ServiceProvider.GetRequiredService<LocalSigningKeySource>().Key;
        await SharedDataProtection.EnsureKeyAsync(scope.ServiceProvider, ct);
        await scope.ServiceProvider.GetRequiredService<Curation.RubricSeeder>().EnsureAsync(ct);
        var config = scope.ServiceProvider.GetRequiredService<IConfiguration>();
        if (config.GetValue("ResourceHub:DemoData", false))
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedIfEmptyAsync(ct);
            await scope.ServiceProvider.GetRequiredService<DemoAccounts>().EnsureAsync(ct);
        }
    }
}
