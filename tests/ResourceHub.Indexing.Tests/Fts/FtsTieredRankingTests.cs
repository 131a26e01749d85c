using Microsoft.Data.Sqlite;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Resources;
using ResourceHub.Indexing.Documents;
using ResourceHub.Indexing.Fts;
using ResourceHub.Query.Model;

namespace ResourceHub.Indexing.Tests.Fts;

/// <summary>The FTS engine's tiered order, used when a search has more matches than bm25 can rank in time.</summary>
public sealed class FtsTieredRankingTests : IDisposable
{
    private static readonly VisibilityScope Teacher = VisibilityScope.For(new Caller("t1", "T", Roles.Teacher, "school1", []));
    private readonly string _dir = Directory.CreateTempSubdirectory("rh-fts-tiers-").FullName;
    private readonly DateTime _t0 = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Title_then_tags_then_description_and_boost_within_a_tier()
    {
        var index = await IndexAsync(budget: 0,
            Doc("描述", description: "圆的面积的推导过程"),
            Doc("标签", tags: ["圆的面积"]),
            Doc("圆的面积（新）"),
            Doc("圆的面积（县级推荐）", level: "county"),
            Doc("圆的面积（草稿）", status: ResourceStatus.Draft));

        var titles = await TitlesAsync(index, "圆的面积", top: 10);

        Assert.Equal(["圆的面积（县级推荐）", "圆的面积（新）", "标签", "描述"], titles);
    }

    [Fact]
    public async Task Keyset_pages_walk_the_tiers_without_gaps_or_repeats()
    {
        var docs = Enumerable.Range(0, 7).Select(i => Doc($"练习{i}", description: "练习")).Concat(
            Enumerable.Range(0, 6).Select(i => Doc($"单元{i}", tags: ["练习"]))).Concat(
            Enumerable.Range(0, 5).Select(i => Doc($"作业{i}", description: "课后练习"))).ToArray();
        var index = await IndexAsync(budget: 0, docs);
        var whole = await TitlesAsync(index, "练习", top: 50);

        var paged = new List<string>();
        KeysetPosition? after = null;
        do
        {
            var page = await index.SearchAsync(Request("练习", top: 4, after));
            paged.AddRange(page.Hits.Select(h => h.Document.Title));
            after = page.Next;
        } while (after is not null);

        Assert.Equal(18, whole.Count);
        Assert.Equal(whole, paged);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"练习{i}").Order(), whole.Take(7).Order());
    }

    [Fact]
    public async Task Exclusions_filters_and_counts_apply_in_every_tier()
    {
        var index = await IndexAsync(budget: 0,
            Doc("分数加法", stage: "junior"),
            Doc("分数乘法"),
            Doc("复习", description: "分数与小数"),
            Doc("分数（草稿）", status: ResourceStatus.Draft));
        var filter = new CompareNode(new FieldRef("Stage", FieldType.String), CompareOperator.Eq, "primary");

        var result = await index.SearchAsync(Request("分数 -小数", top: 10, count: true, filter: filter));

        Assert.Equal(["分数乘法"], result.Hits.Select(h => h.Document.Title));
        Assert.Equal(1, result.Total);
    }

    [Fact]
    public async Task Small_result_sets_are_ranked_exactly_and_large_ones_switch_to_tiers()
    {
        // Exact ranking gives the words standing together as typed (proximity) the lead; the tiers (both titles have
        // every word) rank by boost (equal), then newest.
        SearchDocument[] docs = [Doc("长方形面积的计算"), Doc("面积单位与长方形")];
        var exact = await TitlesAsync(await IndexAsync(budget: 100, docs), "长方形 面积", top: 5);
        var tiered = await TitlesAsync(await IndexAsync(budget: 1, docs), "长方形 面积", top: 5);

        Assert.Equal("长方形面积的计算", exact[0]);
        Assert.Equal("面积单位与长方形", tiered[0]);
    }

    [Fact]
    public async Task An_index_of_an_older_format_asks_for_a_rebuild_and_a_rebuild_serves_again()
    {
        var index = await IndexAsync(budget: 0, Doc("圆的面积"));
        using (var c = new SqliteConnection($"Data Source={index.Path};Pooling=false"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE meta SET value = '1' WHERE key = 'format'";
            Assert.Equal(1, cmd.ExecuteNonQuery());
        }

        Assert.True(await index.NeedsRebuildAsync());
        var error = await Assert.ThrowsAsync<SearchUnavailableException>(() => index.SearchAsync(Request("面积", 5)));
        Assert.Contains("rebuil", error.Message);

        await using (var rebuild = await index.BeginRebuildAsync())
        {
            Assert.True((await rebuild.UpsertAsync([Doc("圆的面积")])).AllSucceeded);
            await rebuild.CommitAsync();
        }
        Assert.False(await index.NeedsRebuildAsync());
        Assert.Single((await index.SearchAsync(Request("面积", 5))).Hits);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    private int _n;

    private SearchDocument Doc(string title, string description = "", string[]? tags = null, string? level = null,
        string status = ResourceStatus.Published, string stage = "primary") =>
        new SearchDocument
        {
            Id = Guid.NewGuid(), Title = title, Description = description, Tags = tags ?? [], Kind = "courseware", Subject = "math",
            Stage = stage, Status = status, RecommendationLevel = level, OwnerOrg = "acme", CreatedBy = "alice",
            CreatedAt = _t0.AddMinutes(_n), UpdatedAt = _t0.AddMinutes(_n++),
        };

    private async Task<FtsSearchIndex> IndexAsync(int budget, params SearchDocument[] docs)
    {
        var index = new FtsSearchIndex(Path.Combine(_dir, Guid.NewGuid().ToString("N"), "index.db"), exactRankingBudget: budget);
        await index.EnsureCreatedAsync();
        // One at a time, in order: later documents get later sequences (newer first within a tier).
        foreach (var d in docs)
            Assert.True((await index.UpsertAsync([d])).AllSucceeded);
        return index;
    }

    private static async Task<List<string>> TitlesAsync(FtsSearchIndex index, string text, int top) =>
        (await index.SearchAsync(Request(text, top))).Hits.Select(h => h.Document.Title).ToList();

    private static SearchRequest Request(string text, int top, KeysetPosition? after = null, bool count = false, FilterNode? filter = null) =>
        new(new EntityQuery { Search = text, Top = top, After = after, Count = count, Filter = filter }, Teacher);
}
