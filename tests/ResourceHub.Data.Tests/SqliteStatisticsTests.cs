using Microsoft.EntityFrameworkCore;
using ResourceHub.Domain.Resources;
using ResourceHub.Testing;

namespace ResourceHub.Data.Tests;

public sealed class SqliteStatisticsTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Statistics_turn_a_visibility_filter_over_mostly_published_rows_into_a_scan_in_key_order()
    {
        await SeedAsync(3000);
        const string visible = "SELECT Id FROM resources WHERE (Status IN ('published','recommended') OR OwnerOrg = 'org1') AND instr(Title, '面积') > 0 ORDER BY Id LIMIT 51";
        await using var context = _db.CreateContext();
        Assert.Contains("MULTI-INDEX OR", await PlanAsync(context, visible));

        Assert.True(await SqliteStatistics.RefreshAsync(context, default));
        Assert.DoesNotContain("MULTI-INDEX OR", await PlanAsync(context, visible));
        Assert.False(await SqliteStatistics.RefreshAsync(context, default)); // fresh: nothing to do

        await SeedAsync(1000); // a third more rows: stale again
        Assert.True(await SqliteStatistics.RefreshAsync(context, default));
    }

    [Fact]
    public async Task A_small_table_without_statistics_is_left_alone()
    {
        await SeedAsync(100);
        await using var context = _db.CreateContext();
        Assert.False(await SqliteStatistics.RefreshAsync(context, default));
    }

    private async Task SeedAsync(int count)
    {
        await using var context = _db.CreateContext();
        for (var i = 0; i < count; i++)
            context.Resources.Add(new Resource
            {
                Id = Guid.NewGuid(), Title = i % 50 == 0 ? $"圆的面积 {i}" : $"分数 {i}", Kind = "courseware", Subject = "math",
                Stage = "primary", OwnerOrg = $"org{i % 40}", CreatedBy = "t", Status = i % 10 == 0 ? ResourceStatus.Draft : ResourceStatus.Published,
            });
        await context.SaveChangesAsync();
    }

    private static async Task<string> PlanAsync(ResourceHubDbContext context, string sql)
    {
        await context.Database.OpenConnectionAsync();
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            lines.Add(reader.GetString(3));
        await context.Database.CloseConnectionAsync();
        return string.Join("\n", lines);
    }
}
