using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace ResourceHub.Data.Schema;

/// <summary>
/// Applies the numbered SQL scripts under Migrations/{provider}/ that a database has not seen yet,
/// each in its own transaction, recording them in schema_history. Scripts are written per provider
/// (EF's design-time tooling is not available here); SchemaDriftTests prove that applying them yields
/// the same schema as the EF model.
/// </summary>
public sealed class SchemaMigrator
{
    // Any constant shared by every ResourceHub process: serialises API and worker starting together.
    private const long PostgresLockKey = 0x5265_736F_7572_6365;

    public async Task<IReadOnlyList<string>> MigrateAsync(ResourceHubDbContext db, CancellationToken ct = default)
    {
        var provider = ProviderName(db);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (provider == DatabaseOptions.Postgres)
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({PostgresLockKey})", ct);
            else
                await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", ct);
            await ExecuteAsync(connection, null,
                "CREATE TABLE IF NOT EXISTS schema_history (version VARCHAR(100) PRIMARY KEY, applied_at VARCHAR(40) NOT NULL)", ct);
            var applied = await AppliedAsync(connection, ct);
            var done = new List<string>();
            foreach (var script in MigrationScripts.For(provider).Where(s => !applied.Contains(s.Version)))
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                await ExecuteAsync(connection, tx, script.Sql, ct);
                await ExecuteAsync(connection, tx,
                    $"INSERT INTO schema_history (version, applied_at) VALUES ('{script.Version}', '{DateTime.UtcNow:O}')", ct);
                await tx.CommitAsync(ct);
                done.Add(script.Version);
            }
            return done;
        }
        finally
        {
            if (provider == DatabaseOptions.Postgres)
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({PostgresLockKey})", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    public static string ProviderName(ResourceHubDbContext db) =>
        db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true ? DatabaseOptions.Postgres : DatabaseOptions.Sqlite;

    private static async Task<HashSet<string>> AppliedAsync(DbConnection connection, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT version FROM schema_history";
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var versions = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
            versions.Add(reader.GetString(0));
        return versions;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
