using Microsoft.EntityFrameworkCore;
using ResourceHub.Application.Curation;
using ResourceHub.Data;
using ResourceHub.Data.Outbox;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Taxonomy;
using ResourceHub.Indexing.Documents;
using ResourceHub.Indexing.Fts;
using ResourceHub.Indexing.Pipeline;
using ResourceHub.Indexing.Tests.Support;
using ResourceHub.Query.Model;
using ResourceHub.Testing;

namespace ResourceHub.Indexing.Tests.Pipeline;

/// <summary>
/// Downloads and ratings reach the index through the stats marks and <see cref="StatsRefresher"/>, not the outbox:
/// the sort by 下载量/评分 changes when the refresh runs, and a change made during a refresh is not lost.
/// </summary>
public abstract class StatsRefreshTests(string provider) : IAsyncLifetime
{
    private static readonly VisibilityScope Teacher = VisibilityScope.For(new Caller("tina", "Tina", Roles.Teacher, "school9", []));
    private TestDatabase _db = null!;
    private FtsSearchIndex _index = null!;
    private readonly List<Guid> _ids = [];

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(provider);
        _index = new FtsSearchIndex(Path.Combine(_db.DataDir, "search", "index.db"));
        await _index.EnsureCreatedAsync();
        await using var db = _db.CreateContext();
        foreach (var title in new[] { "分数甲", "分数乙", "分数丙" })
        {
            var r = TestResources.New(title);
            db.Resources.Add(r);
            _ids.Add(r.Id);
        }
        await db.SaveChangesAsync();
        await DrainAsync(db);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private DocumentSync Sync(ResourceHubDbContext db) => new(db, new SearchDocumentBuilder(TaxonomyCatalog.Default));

    private async Task DrainAsync(ResourceHubDbContext db) =>
        await new OutboxDrainer(db, Sync(db), _index, new IndexerOptions()).DrainOnceAsync(CancellationToken.None);

    private StatsRefresher Refresher(ResourceHubDbContext db, ISearchIndex? index = null, int batch = 2) =>
        new(db, Sync(db), index ?? _index, new IndexerOptions { BatchSize = batch });

    private async Task<List<string>> TitlesBy(string field) =>
        (await _index.SearchAsync(new SearchRequest(new EntityQuery { Search = "分数", OrderBy = [new OrderBy(field, true)] }, Teacher)))
        .Hits.Select(h => h.Document.Title).ToList();

    private async Task DownloadAsync(Guid id, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await using var db = _db.CreateContext();
            await new DownloadCounter(db).CountAsync(id, CancellationToken.None);
        }
    }

    /// <summary>What the rating use case does to the stats row (through SaveChanges).</summary>
    private async Task RateAsync(Guid id, params int[] stars)
    {
        await using var db = _db.CreateContext();
        var stats = await db.Set<ResourceStats>().FindAsync(id);
        if (stats is null)
            db.Add(stats = new ResourceStats { ResourceId = id, UpdatedAt = DateTime.UtcNow });
        foreach (var s in stars)
            stats.ApplyRating(null, s);
        await db.SaveChangesAsync();
    }

    protected async Task Downloads_and_ratings_change_the_order_when_the_refresh_runs_without_outbox_rows()
    {
        await DownloadAsync(_ids[2], 3); // 分数丙
        await DownloadAsync(_ids[1], 1); // 分数乙
        await RateAsync(_ids[0], 5, 4); // 分数甲
        await RateAsync(_ids[1], 3);

        await using var db = _db.CreateContext();
        Assert.Equal(0, await db.SearchOutbox.CountAsync(e => e.ProcessedAt == null)); // four downloads and three ratings, no outbox row
        Assert.Equal(3, await SearchStatsMarks.PendingAsync(db, CancellationToken.None));
        var before = await TitlesBy("Downloads");
        Assert.Equal(_ids.Select(id => id.ToString("D")).Order(StringComparer.Ordinal).Select(Title), before); // all 0: by id

        Assert.Equal(3, await Refresher(db).RefreshAsync(CancellationToken.None)); // two batches of at most 2
        Assert.Equal(["分数丙", "分数乙", "分数甲"], await TitlesBy("Downloads"));
        Assert.Equal(["分数甲", "分数乙", "分数丙"], await TitlesBy("Rating"));
        Assert.Equal(0, await SearchStatsMarks.PendingAsync(db, CancellationToken.None));

        await DownloadAsync(_ids[0], 5); // the order follows at the next refresh
        Assert.Equal("分数丙", (await TitlesBy("Downloads"))[0]);
        Assert.Equal(1, await Refresher(db).RefreshAsync(CancellationToken.None));
        Assert.Equal(["分数甲", "分数丙", "分数乙"], await TitlesBy("Downloads"));
        Assert.Equal(0, await Refresher(db).RefreshAsync(CancellationToken.None)); // nothing left to do
    }

    protected async Task A_download_during_a_refresh_is_picked_up_by_the_next_one()
    {
        await DownloadAsync(_ids[0], 1);
        await using var db = _db.CreateContext();
        var claimed = await SearchStatsMarks.ClaimAsync(db, 10, CancellationToken.None);
        Assert.Equal([_ids[0]], claimed);
        await DownloadAsync(_ids[0], 1); // lands after the claim, before the marks are cleared
        await SearchStatsMarks.DoneAsync(db, claimed, CancellationToken.None);
        Assert.Equal(1, await SearchStatsMarks.PendingAsync(db, CancellationToken.None));
        Assert.Equal(1, await Refresher(db).RefreshAsync(CancellationToken.None));
        var hit = (await _index.SearchAsync(new SearchRequest(new EntityQuery { Search = "分数甲" }, Teacher))).Hits.Single();
        Assert.Equal(2, hit.Document.Downloads);
    }

    protected async Task A_failed_refresh_keeps_the_marks_for_the_next_one()
    {
        await DownloadAsync(_ids[1], 2);
        await using var db = _db.CreateContext();
        var flaky = new FlakyIndex(_index) { Down = true };
        await Assert.ThrowsAsync<SearchUnavailableException>(() => Refresher(db, flaky).RefreshAsync(CancellationToken.None));
        Assert.Equal(1, await SearchStatsMarks.PendingAsync(db, CancellationToken.None));
        flaky.Down = false;
        Assert.Equal(1, await Refresher(db, flaky).RefreshAsync(CancellationToken.None));
        Assert.Equal("分数乙", (await TitlesBy("Downloads"))[0]);
    }

    private string Title(string id) => new[] { "分数甲", "分数乙", "分数丙" }[_ids.FindIndex(x => x.ToString("D") == id)];
}

public sealed class SqliteStatsRefreshTests() : StatsRefreshTests(DatabaseOptions.Sqlite)
{
    [Fact]
    public Task Downloads_and_ratings_change_the_order_when_the_refresh_runs() => Downloads_and_ratings_change_the_order_when_the_refresh_runs_without_outbox_rows();

    [Fact]
    public Task A_download_during_a_refresh_is_not_lost() => A_download_during_a_refresh_is_picked_up_by_the_next_one();

    [Fact]
    public Task A_failed_refresh_is_retried() => A_failed_refresh_keeps_the_marks_for_the_next_one();
}

public sealed class PostgresStatsRefreshTests() : StatsRefreshTests(DatabaseOptions.Postgres)
{
    [PostgresFact]
    public Task Downloads_and_ratings_change_the_order_when_the_refresh_runs() => Downloads_and_ratings_change_the_order_when_the_refresh_runs_without_outbox_rows();

    [PostgresFact]
    public Task A_download_during_a_refresh_is_not_lost() => A_download_during_a_refresh_is_picked_up_by_the_next_one();

    [PostgresFact]
    public Task A_failed_refresh_is_retried() => A_failed_refresh_keeps_the_marks_for_the_next_one();
}
