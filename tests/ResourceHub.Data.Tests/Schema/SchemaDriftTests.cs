using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Testing;

namespace ResourceHub.Data.Tests.Schema;

/// <summary>
/// The hand-kept SQL migrations must build exactly the schema the EF model describes; when this
/// fails, add a migration script (see `schema-script`) rather than editing an applied one.
/// </summary>
public abstract class SchemaDriftTests(string provider)
{
    protected async Task Migrations_match_the_model()
    {
        await using var migrated = await TestDatabase.CreateAsync(provider, migrate: true);
        await using var fromModel = await TestDatabase.CreateAsync(provider, migrate: false);
        await using (var context = fromModel.CreateContext())
            await context.Database.EnsureCreatedAsync();

        var expected = await DescribeAsync(fromModel);
        var actual = await DescribeAsync(migrated);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    private async Task<List<string>> DescribeAsync(TestDatabase database)
    {
        await using var context = database.CreateContext();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        var sql = provider == DatabaseOptions.Postgres
            ? """
              SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable
              FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'schema_history'
              UNION ALL
              SELECT 'index ' || tablename || ' ' || indexdef FROM pg_indexes
              WHERE schemaname = 'public' AND tablename <> 'schema_history'
              """
            : """
              SELECT 'column ' || m.name || '.' || p.name || ' ' || p.type || ' ' || p."notnull" || ' ' || p.pk
              FROM sqlite_master m JOIN pragma_table_info(m.name) p
              WHERE m.type = 'table' AND m.name NOT IN ('schema_history', 'sqlite_sequence')
              UNION ALL
              SELECT 'index ' || tbl_name || ' ' || coalesce(sql, name) FROM sqlite_master
              WHERE type = 'index' AND tbl_name <> 'schema_history'
              """;
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        var rows = new List<string>();
        await using DbDataReader reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(reader.GetString(0));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}

public sealed class SqliteSchemaDriftTests() : SchemaDriftTests(DatabaseOptions.Sqlite)
{
    [Fact]
    public Task Sqlite_migrations_match_the_model() => Migrations_match_the_model();
}

public sealed class PostgresSchemaDriftTests() : SchemaDriftTests(DatabaseOptions.Postgres)
{
    [PostgresFact]
    public Task Postgres_migrations_match_the_model() => Migrations_match_the_model();
}
