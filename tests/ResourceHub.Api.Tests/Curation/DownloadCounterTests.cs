using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResourceHub.Api.Curation;
using ResourceHub.Application.Curation;
using ResourceHub.Data;
using ResourceHub.Domain.Curation;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Curation;

/// <summary>
/// The hook the download path calls: every download counts (and is appended to usage_events), concurrent ones included,
/// apart from quality; the event and the count commit together or not at all.
/// </summary>
public abstract class DownloadCounterTests(string provider) : CurationApi(provider)
{
    protected async Task Concurrent_downloads_are_all_counted_and_do_not_touch_the_quality_score()
    {
        var item = await PublishedAsync();
        var before = await Json(await Teacher().GetAsync($"{item}/Stats"));
        var id = Guid.Parse(item[(item.IndexOf('(') + 1)..item.IndexOf(')')]);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            await using var scope = Api.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DownloadCounter>().CountAsync(id, CancellationToken.None);
        }));

        var after = await Json(await Teacher().GetAsync($"{item}/Stats"));
        Assert.Equal(0, before.GetProperty("Downloads").GetInt64());
        Assert.Equal(8, after.GetProperty("Downloads").GetInt64());
        Assert.Equal(before.GetProperty("QualityScore").GetDouble(), after.GetProperty("QualityScore").GetDouble());
        // Each download is also appended with its time, for downloads over time.
        await using var check = Api.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<ResourceHubDbContext>();
        Assert.Equal(8, await db.Set<UsageEvent>().CountAsync(e => e.ResourceId == id && e.Kind == UsageEvent.Download));
    }

    protected async Task The_first_download_of_an_unrated_item_creates_its_stats()
    {
        var item = await CreateAsync(Vendor);
        var id = Guid.Parse(item[(item.IndexOf('(') + 1)..item.IndexOf(')')]);
        await using (var scope = Api.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DownloadCounter>().CountAsync(id, CancellationToken.None);
        var stats = await Json(await Vendor.GetAsync($"{item}/Stats"));
        Assert.Equal(1, stats.GetProperty("Downloads").GetInt64());
        Assert.Equal(JsonValueKind.Null, stats.GetProperty("QualityScore").ValueKind);
    }

    /// <summary>Several first downloads at once: one creates the stats row, the others count on it (none lost, none failed).</summary>
    protected async Task Concurrent_first_downloads_all_count()
    {
        var item = await CreateAsync(Vendor);
        var id = Guid.Parse(item[(item.IndexOf('(') + 1)..item.IndexOf(')')]);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            await using var scope = Api.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DownloadCounter>().CountAsync(id, CancellationToken.None);
        }));

        await using var check = Api.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<ResourceHubDbContext>();
        Assert.Equal(6, await db.Set<ResourceStats>().Where(s => s.ResourceId == id).Select(s => s.Downloads).SingleAsync());
        Assert.Equal(6, await db.Set<UsageEvent>().CountAsync(e => e.ResourceId == id && e.Kind == UsageEvent.Download));
    }

    /// <summary>A download whose count fails leaves no event behind: the chart of downloads over time and the total agree.</summary>
    protected async Task A_count_that_fails_records_no_download_event()
    {
        var item = await CreateAsync(Vendor);
        var id = Guid.Parse(item[(item.IndexOf('(') + 1)..item.IndexOf(')')]);
        await using var scope = Api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResourceHubDbContext>();
        await scope.ServiceProvider.GetRequiredService<DownloadCounter>().CountAsync(id, CancellationToken.None); // creates the stats row
        await db.Database.ExecuteSqlRawAsync(Db.Provider == DatabaseOptions.Postgres
            ? "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$ LANGUAGE plpgsql; "
              + "CREATE TRIGGER refuse BEFORE UPDATE ON resource_stats FOR EACH ROW EXECUTE FUNCTION refuse();"
            : "CREATE TRIGGER refuse BEFORE UPDATE ON resource_stats BEGIN SELECT RAISE(ABORT, 'refused'); END;");

        await using (var failing = Api.Services.CreateAsyncScope())
            await Assert.ThrowsAnyAsync<Exception>(() =>
                failing.ServiceProvider.GetRequiredService<DownloadCounter>().CountAsync(id, CancellationToken.None));

        Assert.Equal(1, await db.Set<UsageEvent>().CountAsync(e => e.ResourceId == id && e.Kind == UsageEvent.Download));
        Assert.Equal(1, await db.Set<ResourceStats>().Where(s => s.ResourceId == id).Select(s => s.Downloads).SingleAsync());
    }
}

public sealed class SqliteDownloadCounterTests() : DownloadCounterTests(DatabaseOptions.Sqlite)
{
    [Fact] public Task Concurrent() => Concurrent_downloads_are_all_counted_and_do_not_touch_the_quality_score();
    [Fact] public Task First() => The_first_download_of_an_unrated_item_creates_its_stats();
    [Fact] public Task Failed() => A_count_that_fails_records_no_download_event();
    [Fact] public Task First_at_once() => Concurrent_first_downloads_all_count();
}

public sealed class PostgresDownloadCounterTests() : DownloadCounterTests(DatabaseOptions.Postgres)
{
    [PostgresFact] public Task Concurrent() => Concurrent_downloads_are_all_counted_and_do_not_touch_the_quality_score();
    [PostgresFact] public Task First() => The_first_download_of_an_unrated_item_creates_its_stats();
    [PostgresFact] public Task Failed() => A_count_that_fails_records_no_download_event();
    [PostgresFact] public Task First_at_once() => Concurrent_first_downloads_all_count();
}
