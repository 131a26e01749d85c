using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ResourceHub.Application.Curation;
using ResourceHub.Data;
using ResourceHub.Domain.Resources;
using ResourceHub.Indexing.Tests.Support;
using ResourceHub.Testing;

namespace ResourceHub.Indexing.Tests.Api;

/// <summary>
/// 下载量 and 评分 through OData: $orderby=Downloads desc / Rating desc with $search (the index, after its stats refresh)
/// and without (the database), $filter on them, and the values on each row.
/// </summary>
public abstract class SearchSortApiTests(string provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private ApiFactory _api = null!;
    private readonly Dictionary<string, Guid> _ids = [];

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(provider);
        _api = await ApiFactory.StartAsync(_db, new Dictionary<string, string?>
        {
            ["ResourceHub:Search:Indexer:PollMilliseconds"] = "20",
            ["ResourceHub:Search:Indexer:StatsRefreshSeconds"] = "0",
            ["Logging:LogLevel:Default"] = "Warning"
        });
        await using var db = _db.CreateContext();
        foreach (var title in new[] { "分数的意义", "分数的基本性质", "分数的大小比较" })
        {
            var r = TestResources.New(title);
            db.Resources.Add(r);
            _ids[title] = r.Id;
        }
        await db.SaveChangesAsync();
        await _db.IndexedAsync();
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _db.DisposeAsync();
    }

    private HttpClient Teacher(string user = "tina") => _api.ClientAs(user, "teacher", "school9");

    private async Task<JsonElement> GetJson(string url)
    {
        var response = await Teacher().GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static List<string> Titles(JsonElement json) =>
        json.GetProperty("value").EnumerateArray().Select(e => e.GetProperty("Title").GetString()!).ToList();

    private async Task DownloadAsync(string title, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await using var scope = _api.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DownloadCounter>().CountAsync(_ids[title], CancellationToken.None);
        }
    }

    private async Task RateAsync(string title, string user, int stars)
    {
        var response = await Teacher(user).PostAsync($"/odata/Resources({_ids[title]})/Rate", JsonContent.Create(new { stars }));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Until the background indexer's stats refresh (every poll here) has brought the expected order.</summary>
    private async Task<JsonElement> EventuallyAsync(string url, params string[] titles)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var json = await GetJson(url);
            if (Titles(json).Take(titles.Length).SequenceEqual(titles))
                return json;
            Assert.True(DateTime.UtcNow < deadline, $"{url}: still {string.Join(", ", Titles(json))}");
            await Task.Delay(50);
        }
    }

    protected async Task Sorting_by_downloads_and_rating_follows_downloads_and_ratings()
    {
        await DownloadAsync("分数的大小比较", 3);
        await DownloadAsync("分数的基本性质", 1);
        await RateAsync("分数的意义", "tina", 5);
        await RateAsync("分数的意义", "tom", 4);
        await RateAsync("分数的基本性质", "tina", 3);

        var byDownloads = await EventuallyAsync("/odata/Resources?$search=分数&$orderby=Downloads desc", "分数的大小比较", "分数的基本性质", "分数的意义");
        Assert.Equal([3L, 1, 0], byDownloads.GetProperty("value").EnumerateArray().Select(e => e.GetProperty("Downloads").GetInt64()));
        var byRating = await EventuallyAsync("/odata/Resources?$search=分数&$orderby=Rating desc", "分数的意义", "分数的基本性质", "分数的大小比较");
        Assert.Equal(4.5, byRating.GetProperty("value")[0].GetProperty("Rating").GetDouble());
        Assert.Equal(JsonValueKind.Null, byRating.GetProperty("value")[2].GetProperty("Rating").ValueKind);

        // The same order from the database (no $search), and filters on both paths.
        Assert.Equal(Titles(byDownloads), Titles(await GetJson("/odata/Resources?$orderby=Downloads desc")));
        Assert.Equal(Titles(byRating), Titles(await GetJson("/odata/Resources?$orderby=Rating desc,Id")));
        Assert.Equal(["分数的大小比较"], Titles(await GetJson("/odata/Resources?$search=分数&$filter=Downloads gt 1")));
        Assert.Equal(["分数的大小比较"], Titles(await GetJson("/odata/Resources?$filter=Downloads gt 1")));
        Assert.Equal(["分数的意义"], Titles(await GetJson("/odata/Resources?$search=分数&$filter=Rating ge 4")));

        // Keyset paging through the index's cursor keeps the order.
        var first = await GetJson("/odata/Resources?$search=分数&$orderby=Downloads desc&$top=2");
        var next = first.GetProperty("@odata.nextLink").GetString()!;
        var second = await GetJson(next[next.IndexOf("/odata/", StringComparison.Ordinal)..]);
        Assert.Equal(Titles(byDownloads), Titles(first).Concat(Titles(second)).ToList());

        // $apply totals over them are the database's (exact at once), not the index's copy as of its last refresh.
        await DownloadAsync("分数的基本性质", 2);
        var total = await GetJson("/odata/Resources?$search=分数&$apply=aggregate(Downloads with sum as Total)");
        Assert.Equal(6, total.GetProperty("value")[0].GetProperty("Total").GetInt64());

        // More downloads move an item up at the next refresh.
        await DownloadAsync("分数的意义", 4);
        var tied = new[] { "分数的大小比较", "分数的基本性质" }.OrderBy(t => _ids[t].ToString("D"), StringComparer.Ordinal).ToArray(); // 3 each: by id
        await EventuallyAsync("/odata/Resources?$search=分数&$orderby=Downloads desc", ["分数的意义", .. tied]);
        var fromDatabase = Titles(await GetJson("/odata/Resources?$orderby=Downloads desc")); // its own tie-break (the key follows the last direction)
        Assert.Equal(["分数的意义", .. tied.Order()], [fromDatabase[0], .. fromDatabase.Skip(1).Order()]);
        Assert.Equal(["分数的基本性质"], Titles(await GetJson("/odata/Resources?$search=分数&$filter=Downloads eq 3 and Rating lt 4")));
    }

    protected async Task A_single_resource_carries_its_downloads_and_rating()
    {
        await DownloadAsync("分数的意义", 2);
        await RateAsync("分数的意义", "tina", 4);
        var row = await GetJson($"/odata/Resources({_ids["分数的意义"]})");
        Assert.Equal(2, row.GetProperty("Downloads").GetInt64());
        Assert.Equal(4.0, row.GetProperty("Rating").GetDouble());
        var none = await GetJson($"/odata/Resources({_ids["分数的基本性质"]})");
        Assert.Equal(0, none.GetProperty("Downloads").GetInt64());
        Assert.Equal(JsonValueKind.Null, none.GetProperty("Rating").ValueKind);
    }
}

public sealed class SqliteSearchSortApiTests() : SearchSortApiTests(DatabaseOptions.Sqlite)
{
    [Fact]
    public Task Sorting_by_downloads_and_rating() => Sorting_by_downloads_and_rating_follows_downloads_and_ratings();

    [Fact]
    public Task A_resource_shows_downloads_and_rating() => A_single_resource_carries_its_downloads_and_rating();
}

public sealed class PostgresSearchSortApiTests() : SearchSortApiTests(DatabaseOptions.Postgres)
{
    [PostgresFact]
    public Task Sorting_by_downloads_and_rating() => Sorting_by_downloads_and_rating_follows_downloads_and_ratings();

    [PostgresFact]
    public Task A_resource_shows_downloads_and_rating() => A_single_resource_carries_its_downloads_and_rating();
}
