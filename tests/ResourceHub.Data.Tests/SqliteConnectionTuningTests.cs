using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Testing;

namespace ResourceHub.Data.Tests;

public sealed class SqliteConnectionTuningTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task System_of_record_connections_read_through_mmap()
    {
        await using var context = _db.CreateContext();
        await context.Database.OpenConnectionAsync();
        Assert.Equal(268435456L, await ScalarAsync((SqliteConnection)context.Database.GetDbConnection(), "PRAGMA mmap_size"));
    }

    [Fact]
    public async Task A_pooled_connection_keeps_its_settings_and_is_tuned_once()
    {
        var tuning = new SqliteConnectionTuning("PRAGMA cache_size=-1234");
        var connectionString = DataServiceCollectionExtensions.SqliteConnectionFor(_db.DataDir);
        object handle;
        await using (var first = new SqliteConnection(connectionString))
        {
            await first.OpenAsync();
            tuning.Apply(first);
            handle = first.Handle!;
            await ExecuteAsync(first, "PRAGMA cache_size=-99"); // changed behind the tuning's back
        }
        await using var second = new SqliteConnection(connectionString);
        await second.OpenAsync();
        Assert.Same(handle, second.Handle); // the pool handed back the same native connection
        tuning.Apply(second);
        Assert.Equal(-99L, await ScalarAsync(second, "PRAGMA cache_size")); // not applied again

        await using var other = new SqliteConnection(connectionString + ";Cache=Private");
        await other.OpenAsync();
        tuning.Apply(other);
        Assert.Equal(-1234L, await ScalarAsync(other, "PRAGMA cache_size")); // a new native connection is tuned
    }

    private static async Task<long> ScalarAsync(SqliteConnection c, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(SqliteConnection c, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }
}
