using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ResourceHub.Data.Schema;

namespace ResourceHub.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the DbContext for the configured provider: PostgreSQL when
    /// ResourceHub:Database:Provider=postgres, else SQLite under the data directory.
    /// </summary>
    public static IServiceCollection AddResourceHubData(this IServiceCollection services, IConfiguration config, string dataDir)
    {
        var options = config.GetSection("ResourceHub:Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        // Pooled: a request's context is reset and reused instead of built (about 4 µs rather than 90 µs).
        services.AddDbContextPool<ResourceHubDbContext>(o => Configure(o, options, dataDir));
        services.AddSingleton<SchemaMigrator>();
        if (options.Provider.Equals(DatabaseOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
            services.AddHostedService<SqliteStatistics>();
        return services;
    }

    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options, string dataDir)
    {
        switch (options.Provider.ToLowerInvariant())
        {
            case DatabaseOptions.Postgres:
                builder.UseNpgsql(options.ConnectionString
                    ?? throw new InvalidOperationException("ResourceHub:Database:ConnectionString is required for PostgreSQL"));
                break;
            case DatabaseOptions.Sqlite:
                Directory.CreateDirectory(dataDir);
                builder.UseSqlite(options.ConnectionString ?? SqliteConnectionFor(dataDir)).AddInterceptors(SqliteTuning);
                break;
            default:
                throw new InvalidOperationException(
                    $"ResourceHub:Database:Provider '{options.Provider}' is not supported (use sqlite or postgres)");
        }
    }

    private static readonly SqliteConnectionTuning SqliteTuning = new(SqliteConnectionTuning.SystemOfRecord);

    public static string SqliteConnectionFor(string dataDir) =>
        $"Data Source={Path.Combine(dataDir, "resourcehub.db")};Pooling=True";
}
