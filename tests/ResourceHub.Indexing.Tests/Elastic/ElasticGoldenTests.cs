using System.Net;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using ResourceHub.Domain.Access;
using ResourceHub.Indexing.Documents;
using ResourceHub.Indexing.Elastic;
using ResourceHub.Indexing.Fts;
using ResourceHub.Indexing.Tests.Support;
using ResourceHub.Indexing.Understanding;
using ResourceHub.Query.Model;

namespace ResourceHub.Indexing.Tests.Elastic;

/// <summary>The mapping and request bodies as the official client sends them (captured by a scripted peer), against committed files.</summary>
public sealed class ElasticGoldenTests
{
    private static readonly VisibilityScope Teacher = VisibilityScope.For(new Caller("tina", "Tina", Roles.Teacher, "school9", []));
    private static readonly VisibilityScope Expert = VisibilityScope.For(new Caller("erin", "Erin", Roles.Expert, "", ["physics"]));
    private readonly ElasticQueryRenderer _renderer = new(new RankingBoost());
    private static readonly System.Text.Json.JsonSerializerOptions Plain = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static FieldRef Field(string name, FieldType type = FieldType.String) => new(name, type);

    /// <summary>The body of the first request to a path ending in <paramref name="pathEnd"/> that <paramref name="act"/> makes the client send.</summary>
    private static async Task<JsonNode> SentAsync(Func<ElasticSearchIndex, Task> act, string pathEnd, HttpMethod? method = null,
        QueryUnderstanding? understanding = null)
    {
        var es = new FakeElasticHandler
        {
            Fallback = (r, _) => r.RequestUri!.AbsolutePath.EndsWith("/_alias/rh", StringComparison.Ordinal)
                ? FakeElasticHandler.Json(HttpStatusCode.NotFound, "{}")
                : FakeElasticHandler.Json(HttpStatusCode.OK, """{"count":1000,"hits":{"total":{"value":0},"hits":[]},"acknowledged":true}"""),
        };
        var options = new SearchOptions { IndexName = "rh", ElasticsearchUrl = "http://es.test:9200" };
        await act(new ElasticSearchIndex(new ElasticConnection(new ElasticsearchClient(ElasticConnection.Settings(options, es))), options, new RankingBoost(),
            understanding: understanding));
        var body = es.Requests.First(r => r.Path.Split('?')[0].EndsWith(pathEnd, StringComparison.Ordinal) && (method is null || r.Method == method)).Body;
        // Our own JSON (mapping) goes as UTF-8; the client's request serializer escapes Chinese in typed query bodies as
        // \uXXXX (same string to the server, small and gzipped); documents go through the relaxed source serializer.
        if (method == HttpMethod.Put)
            Assert.DoesNotMatch(@"\\u[4-9][0-9a-fA-F]{3}", body);
        return JsonNode.Parse(body)!;
    }

    [Fact]
    public async Task Mapping_with_the_default_cjk_analyzer() =>
        GoldenJson.Matches("mappings", await SentAsync(i => i.EnsureCreatedAsync(), "", HttpMethod.Put));

    [Fact]
    public void Analyzer_name_is_configurable()
    {
        var json = ElasticMappings.Create("smartcn").ToJsonString();
        Assert.Contains("\"analyzer\":\"smartcn\"", json);
        Assert.DoesNotContain("\"analyzer\":\"cjk\"", json);
    }

    [Fact]
    public async Task Text_search_with_filters_and_count()
    {
        var filter = new LogicalNode(LogicalOperator.And,
            new CompareNode(Field("Subject"), CompareOperator.Eq, "math"),
            new CollectionNode(Field("Topics", FieldType.StringCollection), Quantifier.Any, new CompareNode(FieldRef.Element(), CompareOperator.Eq, "it-integration")));
        var request = new SearchRequest(new EntityQuery { Search = "分数 -加法", Filter = filter, Top = 20, Count = true }, Teacher);
        GoldenJson.Matches("search-text-filter", await SentAsync(i => i.SearchAsync(request), "/_search"));
    }

    [Fact]
    public async Task Multi_select_facets_use_post_filter_and_filtered_aggregations()
    {
        var selected = new Dictionary<string, IReadOnlyList<string>> { ["Subject"] = ["physics", "chemistry"], ["Stage"] = ["junior"] };
        var request = new SearchRequest(new EntityQuery { Search = "实验" }, Expert, new FacetRequest(["Subject", "Stage", "Topics"], selected, 50));
        GoldenJson.Matches("search-facets", await SentAsync(i => i.SearchAsync(request), "/_search"));
    }

    [Fact]
    public async Task Single_character_query_uses_the_per_character_fields()
    {
        var request = new SearchRequest(new EntityQuery { Search = "圆" }, Teacher);
        GoldenJson.Matches("search-single-char", await SentAsync(i => i.SearchAsync(request), "/_search"));
    }

    [Fact]
    public async Task Filter_only_query_with_sort_and_search_after()
    {
        var filter = new LogicalNode(LogicalOperator.Or,
            new CompareNode(Field("CreatedAt", FieldType.DateTimeOffset), CompareOperator.Ge, new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero)),
            new NotNode(new CompareNode(Field("Grade"), CompareOperator.Eq, null)));
        var request = new SearchRequest(new EntityQuery
        {
            Filter = filter, Top = 50,
            OrderBy = [new OrderBy("UpdatedAt", true), new OrderBy("RecommendationLevel", false)],
            After = new KeysetPosition([1709251200000L, "", "0b0c8a4e-8a43-4a7c-9d59-3c6f0f1f2a11"]),
        }, VisibilityScope.For(new Caller("root", "Root", Roles.Admin, "", []) { Region = AdminRegion.Platform }));
        GoldenJson.Matches("search-keyset", await SentAsync(i => i.SearchAsync(request), "/_search"));
    }

    /// <summary>下载量/评分: a text search sorted by downloads (ties by id), continued after a cursor, filtered on rating.</summary>
    [Fact]
    public async Task Text_search_sorted_by_downloads_with_search_after_and_a_rating_filter()
    {
        var request = new SearchRequest(new EntityQuery
        {
            Search = "分数", Top = 12,
            Filter = new CompareNode(Field("Rating", FieldType.Double), CompareOperator.Ge, 4.0),
            OrderBy = [new OrderBy("Downloads", true)],
            After = new KeysetPosition([120L, "0b0c8a4e-8a43-4a7c-9d59-3c6f0f1f2a11"]),
        }, Teacher);
        GoldenJson.Matches("search-downloads", await SentAsync(i => i.SearchAsync(request), "/_search"));
    }

    [Fact]
    public void Rating_sorts_unrated_items_last_when_descending()
    {
        var json = ElasticJson.Of(_renderer.Search(new SearchRequest(new EntityQuery { OrderBy = [new OrderBy("Rating", true)] }, Teacher)));
        var sort = json["sort"]!.AsArray();
        Assert.Equal("desc", sort[0]!["rating"]!["order"]!.GetValue<string>());
        Assert.Equal("_last", sort[0]!["rating"]!["missing"]!.GetValue<string>());
        Assert.Equal("asc", sort[1]!["id"]!["order"]!.GetValue<string>());
    }

    [Fact]
    public void Text_functions_render_to_keyword_queries()
    {
        var filter = new LogicalNode(LogicalOperator.And,
            new TextMatchNode(Field("Title"), TextOperator.Contains, "面积*"),
            new CompareNode(new FieldRef("CreatedAt", FieldType.DateTimeOffset, FieldFunction.Year), CompareOperator.Eq, 2024));
        GoldenJson.Matches("filter-functions", ElasticJson.Of(ElasticFilterRenderer.Render(filter)));
    }

    [Fact]
    public async Task Count_folds_selections_into_the_query()
    {
        var selected = new Dictionary<string, IReadOnlyList<string>> { ["Kind"] = ["micro-lesson"] };
        GoldenJson.Matches("count", await SentAsync(i => i.CountAsync(new SearchRequest(new EntityQuery { Search = "PPT课件" }, Teacher, new FacetRequest([], selected))), "/_count"));
    }

    private static AggregateRequest Grouped(ApplyQuery apply, FilterNode? filter = null, FacetRequest? facets = null) =>
        new(new SearchRequest(new EntityQuery { Search = "分数", Filter = filter }, Teacher, facets), apply, 1000);

    [Fact]
    public async Task Apply_over_search_renders_a_composite_aggregation_with_metric_sub_aggregations()
    {
        var apply = new ApplyQuery
        {
            Filter = new CompareNode(Field("Status"), CompareOperator.Eq, "published"),
            GroupBy = ["Subject", "RecommendationLevel"],
            Aggregates =
            [
                new(AggregateMethod.Count, null, "N"), new(AggregateMethod.Sum, "QualityScore", "Q"), new(AggregateMethod.Average, "QualityScore", "QA"),
                new(AggregateMethod.Max, "QualityScore", "Best"), new(AggregateMethod.Min, "CreatedAt", "First"), new(AggregateMethod.CountDistinct, "CreatedBy", "People"),
            ],
            OrderBy = [new OrderBy("N", true)], // an aggregate: every group is read (pages of 1000), then sorted
        };
        var junior = new FacetRequest([], new Dictionary<string, IReadOnlyList<string>> { ["Stage"] = ["junior"] });
        GoldenJson.Matches("apply-groups", await SentAsync(i => i.AggregateAsync(Grouped(apply, new CompareNode(Field("Subject"), CompareOperator.Eq, "math"), junior)), "/_search"));
    }

    [Fact]
    public async Task Apply_ordered_by_group_properties_follows_that_order_in_the_sources_and_reads_only_what_is_wanted()
    {
        var apply = new ApplyQuery { GroupBy = ["Stage", "Grade"], Aggregates = [new(AggregateMethod.Count, null, "N")], OrderBy = [new OrderBy("Grade", true)], Top = 5, Skip = 10 };
        GoldenJson.Matches("apply-key-order", await SentAsync(i => i.AggregateAsync(Grouped(apply)), "/_search"));
    }

    [Fact]
    public async Task Apply_without_groupby_tracks_the_exact_total_and_puts_the_metrics_at_the_top() =>
        GoldenJson.Matches("apply-total", await SentAsync(i => i.AggregateAsync(Grouped(new ApplyQuery
        {
            Aggregates = [new(AggregateMethod.Count, null, "N"), new(AggregateMethod.CountDistinct, "Subject", "Subjects"), new(AggregateMethod.Max, "UpdatedAt", "Last")],
        })), "/_search"));

    [Fact]
    public void Apply_steps_the_query_DSL_cannot_express_fall_back()
    {
        var length = new CompareNode(new FieldRef("Title", FieldType.String, FieldFunction.Length), CompareOperator.Gt, 3);
        Assert.Contains("length", ElasticGroups.Unservable(new ApplyQuery { Filter = length, Aggregates = [new(AggregateMethod.Count, null, "N")] }));
        Assert.Equal("groupby Size", ElasticGroups.Unservable(new ApplyQuery { GroupBy = ["Size"] }));
        Assert.Null(ElasticGroups.Unservable(new ApplyQuery { GroupBy = ["Subject", "Grade"], Filter = new CompareNode(Field("Kind"), CompareOperator.Ne, "case") }));
    }

    [Fact]
    public async Task Suggest_request() =>
        GoldenJson.Matches("suggest", await SentAsync(i => i.SuggestAsync(new SuggestRequest("分数", Teacher, 8)), "/_search"));

    [Fact]
    public void User_text_never_reaches_a_query_syntax()
    {
        var json = ElasticJson.Of(_renderer.Search(new SearchRequest(new EntityQuery { Search = "title:x AND (y OR z~2) /re.*/" }, Teacher))).ToJsonString();
        Assert.DoesNotContain("query_string\"", json);
        Assert.Contains("\"multi_match\"", json);
    }

    [Fact]
    public async Task Concepts_render_to_should_with_minimum_should_match_and_concept_words_to_boosts() =>
        GoldenJson.Matches("search-understood", await SentAsync(
            i => i.SearchAsync(new SearchRequest(new EntityQuery { Search = "初二 勾股定理 证明 方法 微课 -课件 Python" }, Teacher)), "/_search"));

    [Fact]
    public void Quoted_phrases_are_required()
    {
        var json = ElasticJson.Of(_renderer.Search(new SearchRequest(new EntityQuery { Search = "\"圆的面积\" 教案" }, Teacher)));
        var must = json["query"]!["function_score"]!["query"]!["bool"]!["must"]!;
        Assert.Contains("圆的面积", must.ToJsonString(Plain));
    }

    [Fact]
    public void The_mapping_feeds_the_synonym_file_to_a_synonym_graph_search_analyzer()
    {
        var json = ElasticMappings.Create("cjk", new ResourceHub.Indexing.Understanding.SynonymSet(["微课, 微视频", "备课稿 => 教案"])).ToJsonString(Plain);
        Assert.Contains("synonym_graph", json);
        Assert.Contains("备课稿 => 教案", json);
        Assert.Contains("\"search_analyzer\":\"resourcehub_cjk_synonyms\"", json);
    }

    [Fact]
    public async Task The_admins_synonym_file_feeds_the_es_synonym_graph_and_the_fts_query_alike()
    {
        var dataDir = Directory.CreateTempSubdirectory("rh-synonyms-").FullName;
        try
        {
            var path = IndexingServiceCollectionExtensions.SynonymsPath(dataDir);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "教案, 教学设计, 备课稿\n");
            var understanding = new QueryUnderstanding(path);

            var mapping = await SentAsync(i => i.EnsureCreatedAsync(), "", HttpMethod.Put, understanding);
            var rules = mapping["settings"]!["analysis"]!["filter"]!["resourcehub_synonyms"]!["synonyms"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
            Assert.Equal(understanding.Synonyms.Rules, rules);
            Assert.Contains("教案, 教学设计, 备课稿", rules);

            // The FTS engine the host composes reads the same file: the admins' rule finds a 备课稿 for 教案.
            var fts = (FtsSearchIndex)IndexingServiceCollectionExtensions.Create(new SearchOptions { Provider = SearchOptions.Fts }, new RankingBoost(), dataDir);
            var doc = new SearchDocument { Id = Guid.NewGuid(), Title = "圆的面积备课稿", Kind = "courseware", Subject = "math", Stage = "primary", Status = "published",
                OwnerOrg = "school9", CreatedBy = "tina", CreatedAt = DateTime.UnixEpoch, UpdatedAt = DateTime.UnixEpoch };
            Assert.True((await fts.UpsertAsync([doc])).AllSucceeded);
            var hit = Assert.Single((await fts.SearchAsync(new SearchRequest(new EntityQuery { Search = "教案" }, Teacher))).Hits);
            Assert.Equal(doc.Id, hit.Document.Id);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task Every_text_field_the_query_searches_is_analyzed_with_the_synonym_graph()
    {
        var mapping = ElasticMappings.Create("cjk");
        var body = await SentAsync(i => i.SearchAsync(new SearchRequest(new EntityQuery { Search = "初二 勾股定理 微课" }, Teacher)), "/_search");
        var json = body.ToJsonString(Plain);
        Assert.DoesNotContain("\"analyzer\"", json); // a query-time analyzer would bypass the mapping's search_analyzer
        var fields = MultiMatchFields(body).Select(f => f.Split('^')[0]).Distinct().ToList();
        Assert.Contains("title", fields);
        foreach (var field in fields.Where(f => !f.EndsWith(".chars", StringComparison.Ordinal)))
        {
            var path = field.Split('.');
            var node = mapping["mappings"]!["properties"]![path[0]]!;
            if (path.Length > 1)
                node = node["fields"]![path[1]]!;
            Assert.Equal(ElasticMappings.SearchAnalyzer, node["search_analyzer"]?.GetValue<string>());
        }
    }

    private static IEnumerable<string> MultiMatchFields(JsonNode? node) => node switch
    {
        JsonObject o when o["multi_match"]?["fields"] is JsonArray fields => fields.Select(f => f!.GetValue<string>()),
        JsonObject o => o.SelectMany(p => MultiMatchFields(p.Value)),
        JsonArray a => a.SelectMany(MultiMatchFields),
        _ => [],
    };

    [Fact]
    public void Unsupported_functions_are_refused_clearly()
    {
        var length = new CompareNode(new FieldRef("Title", FieldType.String, FieldFunction.Length), CompareOperator.Gt, 3);
        Assert.Contains("length", Assert.Throws<SearchQueryException>(() => ElasticFilterRenderer.Render(length)).Message);
        var all = new CollectionNode(Field("Tags", FieldType.StringCollection), Quantifier.All, new CompareNode(FieldRef.Element(), CompareOperator.Eq, "x"));
        Assert.Throws<SearchQueryException>(() => ElasticFilterRenderer.Render(all));
    }
}
