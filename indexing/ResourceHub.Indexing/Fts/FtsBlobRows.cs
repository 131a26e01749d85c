using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ResourceHub.Indexing.Fts;

/// <summary>
/// Steps a one-column query straight on the native statement and hands each row's blob over without copying.
/// A facet pass reads 50,000 rows; the data reader's per-row work and byte[] copies cost more than SQLite's own.
/// </summary>
internal static class FtsBlobRows
{
    public delegate void RowAction(ReadOnlySpan<byte> blob);

    public static void ForEach(SqliteCommand command, RowAction action)
    {
        var db = command.Connection!.Handle!;
        Check(raw.sqlite3_prepare_v2(db, command.CommandText, out var stmt), db);
        using (stmt)
        {
            foreach (SqliteParameter p in command.Parameters)
            {
                var i = raw.sqlite3_bind_parameter_index(stmt, p.ParameterName);
                if (i == 0)
                    continue;
                Check(p.Value switch
                {
                    null or DBNull => raw.sqlite3_bind_null(stmt, i),
                    string s => raw.sqlite3_bind_text(stmt, i, s),
                    long l => raw.sqlite3_bind_int64(stmt, i, l),
                    int n => raw.sqlite3_bind_int64(stmt, i, n),
                    double d => raw.sqlite3_bind_double(stmt, i, d),
                    bool b => raw.sqlite3_bind_int64(stmt, i, b ? 1 : 0),
                    var other => throw new ArgumentException($"parameter {p.ParameterName} of type {other.GetType().Name} cannot be bound here"),
                }, db);
            }
            int rc;
            while ((rc = raw.sqlite3_step(stmt)) == raw.SQLITE_ROW)
                action(raw.sqlite3_column_blob(stmt, 0));
            if (rc != raw.SQLITE_DONE)
                Check(rc, db);
        }
    }

    private static void Check(int rc, sqlite3 db)
    {
        if (rc != raw.SQLITE_OK)
            SqliteException.ThrowExceptionForRC(rc, db);
    }
}
