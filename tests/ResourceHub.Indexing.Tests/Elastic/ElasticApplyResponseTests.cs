using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using ResourceHub.Domain.Access;
using ResourceHub.Indexing.Documents;
using ResourceHub.Indexing.Elastic;
using ResourceHub.Indexing.Tests.Support;
using ResourceHub.Query.Model;

namespace ResourceHub.Indexing.Tests.Elastic;

/// <summary>
/// The groups read back from Elasticsearch's answers (typed-keys aggregation JSON in the form ES 9 returns it, under
/// Recorded/), through the official client and a scripted peer; and the composite's paging by after_key.
/// </summary>
public sealed class ElasticApplyResponseTests
{
    private static readonly VisibilityScope Teacher = VisibilityScope.For(new Caller("tina", "Tina", Roles.Teacher, "school9", []));
    private readonly FakeElasticHandler _es = new();
    private readonly Queue<string> _searches = new();

    public ElasticApplyResponseTests() =>
        _es.Fallback = (r, _) => FakeElasticHandler.Json(HttpStatusCode.OK,
            r.RequestUri!.AbsolutePath.EndsWith("/_count", StringComparison.Ordinal) ? """{"count":7}""" : _searches.Dequeue());

    private ElasticSearchIndex Index()
    {
        var options = new SearchOptions { IndexName = "rh", ElasticsearchUrl = "http://es.test:9200" };
        return new ElasticSearchIndex(new ElasticConnection(new ElasticsearchClient(ElasticConnection.Settings(options, _es))), options, new RankingBoost());
    }

    private static string Recorded(string name, [CallerFilePath] string caller = "") =>
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(caller)!, "Recorded", name + ".json"));

    private static AggregateRequest Request(ApplyQuery apply) => new(new SearchRequest(new EntityQuery { Search = "分数" }, Teacher), apply, 1000);

    private List<JsonNode> SearchBodies() =>
        _es.Requests.Where(r => r.Path.Split('?')[0].EndsWith("/_search", StringComparison.Ordinal)).Select(r => JsonNode.Parse(r.Body)!).ToList();

    [Fact]
    public async Task Buckets_become_typed_rows_sorted_by_the_aggregate_with_null_lowest()
    {
        _searches.Enqueue(Recorded("apply-groups"));
        var apply = new ApplyQuery
        {
            GroupBy = ["Subject", "RecommendationLevel"],
            Aggregates =
            [
                new(AggregateMethod.Count, null, "N"), new(AggregateMethod.Sum, "QualityScore", "Q"), new(AggregateMethod.Average, "QualityScore", "QA"),
                new(AggregateMethod.Min, "CreatedAt", "First"), new(AggregateMethod.CountDistinct, "CreatedBy", "People"),
            ],
            OrderBy = [new OrderBy("N", true)],
        };
        var result = (await Index().AggregateAsync(Request(apply)))!;

        Assert.Equal(["Subject", "RecommendationLevel", "N", "Q", "QA", "First", "People"], result.Columns);
        Assert.Equal(
        [
            "math | national | 6100 | 549000.5 | 90.000082 | 2024-01-02T08:00:00.0000000Z | 41873",
            "chinese | null | 4 | 0 | null | 2024-01-01T08:00:00.0000000Z | 2", // N ties: group properties decide, null lowest
            "physics | school | 4 | 160 | 40 | null | 1",
        ], ApplyOracle.Text(result));
        Assert.IsType<long>(result.Rows[0][2]);
        Assert.IsType<double>(result.Rows[0][3]);
        Assert.IsType<DateTimeOffset>(result.Rows[0][5]);
        Assert.IsType<long>(result.Rows[0][6]);
        Assert.False(result.More);
        // Fewer buckets than asked for: the last page, no second request.
        Assert.Single(SearchBodies());
    }

    [Fact]
    public async Task Key_ordered_groups_page_by_after_key_until_skip_plus_top_are_read()
    {
        var buckets = new JsonArray(Enumerable.Range(0, 1000).Select(i => (JsonNode?)new JsonObject
        {
            ["key"] = new JsonObject { ["g0"] = $"t{i:D4}" }, ["doc_count"] = 1,
        }).ToArray());
        _searches.Enqueue(new JsonObject
        {
            ["hits"] = new JsonObject { ["total"] = new JsonObject { ["value"] = 10000, ["relation"] = "gte" }, ["hits"] = new JsonArray() },
            ["aggregations"] = new JsonObject { ["composite#groups"] = new JsonObject { ["after_key"] = new JsonObject { ["g0"] = "t0999" }, ["buckets"] = buckets } },
        }.ToJsonString());
        _searches.Enqueue("""
            {"hits":{"total":{"value":10000,"relation":"gte"},"hits":[]},
             "aggregations":{"composite#groups":{"after_key":{"g0":"t1001"},"buckets":[{"key":{"g0":"t1000"},"doc_count":2},{"key":{"g0":"t1001"},"doc_count":3}]}}}
            """);
        var apply = new ApplyQuery { GroupBy = ["CreatedBy"], Aggregates = [new(AggregateMethod.Count, null, "N")], Skip = 998, Top = 3 };

        var result = (await Index().AggregateAsync(Request(apply)))!;

        Assert.Equal(["t0998 | 1", "t0999 | 1", "t1000 | 2"], ApplyOracle.Text(result));
        Assert.False(result.More); // $top cut them: no next link
        var bodies = SearchBodies();
        Assert.Equal(2, bodies.Count);
        Assert.Equal(1000, bodies[0]["aggregations"]!["groups"]!["composite"]!["size"]!.GetValue<int>());
        var second = bodies[1]["aggregations"]!["groups"]!["composite"]!;
        Assert.Equal(2, second["size"]!.GetValue<int>()); // 998 + 3 + 1 wanted, 1000 read
        Assert.Equal("t0999", second["after"]!["g0"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ordering_by_an_aggregate_reads_every_group_and_refuses_more_than_it_may_sort()
    {
        var served = 0;
        _es.Fallback = (r, body) =>
        {
            if (r.RequestUri!.AbsolutePath.EndsWith("/_count", StringComparison.Ordinal))
                return FakeElasticHandler.Json(HttpStatusCode.OK, """{"count":7}""");
            var size = JsonNode.Parse(body)!["aggregations"]!["groups"]!["composite"]!["size"]!.GetValue<int>();
            var buckets = new JsonArray(Enumerable.Range(served, size).Select(i => (JsonNode?)new JsonObject
            {
                ["key"] = new JsonObject { ["g0"] = $"u{i:D6}" }, ["doc_count"] = 1,
            }).ToArray());
            served += size;
            return FakeElasticHandler.Json(HttpStatusCode.OK, new JsonObject
            {
                ["hits"] = new JsonObject { ["total"] = new JsonObject { ["value"] = 10000, ["relation"] = "gte" }, ["hits"] = new JsonArray() },
                ["aggregations"] = new JsonObject { ["composite#groups"] = new JsonObject { ["after_key"] = new JsonObject { ["g0"] = $"u{served - 1:D6}" }, ["buckets"] = buckets } },
            }.ToJsonString());
        };
        var apply = new ApplyQuery { GroupBy = ["CreatedBy"], Aggregates = [new(AggregateMethod.Count, null, "N")], OrderBy = [new OrderBy("N", true)], Top = 5 };

        var refused = await Assert.ThrowsAsync<SearchQueryException>(() => Index().AggregateAsync(Request(apply)));

        Assert.StartsWith("按聚合值排序时最多 100000 个分组", refused.Message);
        Assert.Equal(ElasticGroups.MaxSortedGroups + 1, served); // one group past the limit is enough to know
        Assert.Equal(101, SearchBodies().Count);
    }

    [Fact]
    public async Task Without_groupby_the_exact_total_is_the_count_and_dates_come_back_from_epoch_milliseconds()
    {
        _searches.Enqueue(Recorded("apply-total"));
        var apply = new ApplyQuery
        {
            Aggregates = [new(AggregateMethod.Count, null, "N"), new(AggregateMethod.CountDistinct, "Subject", "Subjects"), new(AggregateMethod.Max, "UpdatedAt", "Last")],
        };
        var row = Assert.Single((await Index().AggregateAsync(Request(apply)))!.Rows);
        Assert.Equal(12345L, row[0]);
        Assert.Equal(3L, row[1]);
        Assert.Equal(new DateTimeOffset(2024, 12, 4, 8, 0, 0, 123, TimeSpan.Zero), row[2]);
        Assert.Empty(_searches);
    }

    [Fact]
    public async Task A_skip_past_the_only_group_answers_no_rows() // as on the databases: $skip applies to the one group
    {
        _searches.Enqueue(Recorded("apply-total"));
        var apply = new ApplyQuery { Aggregates = [new(AggregateMethod.Count, null, "N")], Skip = 1 };
        Assert.Empty((await Index().AggregateAsync(Request(apply)))!.Rows);
    }
}
