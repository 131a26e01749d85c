using Microsoft.EntityFrameworkCore;
using Npgsql;
using ResourceHub.Data;
using ResourceHub.Data.Schema;

namespace ResourceHub.Testing;

/// <summary>
/// A fresh, empty, migrated database for one test class: a SQLite file in a temp folder, or a new
/// database on the configured PostgreSQL server (dropped on dispose).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(string provider, string connectionString, string dataDir, string? postgresAdmin, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        DataDir = dataDir;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public string Provider { get; }
    public string ConnectionString { get; }
    /// <summary>A temp folder for everything else the service keeps (blobs, keys, index).</summary>
    public string DataDir { get; }

    public DatabaseOptions Options => new() { Provider = Provider, ConnectionString = ConnectionString };

    public static async Task<TestDatabase> CreateAsync(string provider, bool migrate = true)
    {
        var dataDir = Directory.CreateTempSubdirectory("rh-test-").FullName;
        TestDatabase db;
        if (provider == DatabaseOptions.Postgres)
        {
            var admin = TestEnvironment.PostgresConnectionString
                        ?? throw new InvalidOperationException(
                            "PostgreSQL tests need RESOURCEHUB_TEST_POSTGRES: run scripts/test.sh (it starts a server), " +
                            "or exclude them with --filter Provider!=postgres");
            var name = "rh_test_" + Guid.NewGuid().ToString("N")[..12];
            await using (var conn = new NpgsqlConnection(admin))
            {
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
                await cmd.ExecuteNonQueryAsync();
            }
            var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
            db = new TestDatabase(provider, cs, dataDir, admin, name);
        }
        else
        {
            db = new TestDatabase(DatabaseOptions.Sqlite, DataServiceCollectionExtensions.SqliteConnectionFor(dataDir), dataDir, null, null);
        }
        if (migrate)
        {
            await using var context = db.CreateContext();
            await new SchemaMigrator().MigrateAsync(context);
        }
        return db;
    }

    public ResourceHubDbContext CreateContext()
    {
        var builder = new DbContextOptionsBuilder<ResourceHubDbContext>();
        DataServiceCollectionExtensions.Configure(builder, Options, DataDir);
        return new ResourceHubDbContext(builder.Options);
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_postgresAdmin is not null)
        {
            await using var conn = new NpgsqlConnection(_postgresAdmin);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { }
    }
}
