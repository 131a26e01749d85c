using ResourceHub.Indexing.Text;
using System.Net;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Resources;
using ResourceHub.Domain.Taxonomy;
using ResourceHub.Indexing.Documents;
using ResourceHub.Indexing.Elastic;
using ResourceHub.Indexing.Pipeline;
using ResourceHub.Indexing.Tests.Support;
using ResourceHub.Indexing.Understanding;
using ResourceHub.Query.Model;
using ResourceHub.Testing;

namespace ResourceHub.Indexing.Tests.Elastic;

/// <summary>The Elasticsearch adapter against a scripted HTTP peer: retries, errors, bulk results, alias swaps.</summary>
public sealed class ElasticHttpTests
{
    private readonly FakeElasticHandler _es = new();
    private readonly SearchOptions _options = new() { IndexName = "rh", ElasticsearchUrl = "http://es.test:9200" };

    private ElasticSearchIndex Index(int retries = 3) =>
        new(new ElasticConnection(new ElasticsearchClient(ElasticConnection.Settings(_options, _es)), retries, TimeSpan.FromMilliseconds(1)), _options, new RankingBoost(),
            clock: new FixedClock(new DateTimeOffset(2026, 11, 22, 6, 0, 0, TimeSpan.Zero)));

    private static SearchDocument Doc(Guid id) => new() { Id = id, Title = "圆的面积", Subject = "math", Stage = "primary", Kind = "micro-lesson", Status = "published" };

    private static string BulkResponse(params (string Action, Guid Id, int Status, string? Error)[] items) =>
        new JsonObject
        {
            ["took"] = 3,
            ["errors"] = items.Any(i => i.Error is not null),
            ["items"] = new JsonArray(items.Select(i => (JsonNode?)new JsonObject
            {
                [i.Action] = new JsonObject
                {
                    ["_index"] = "rh-1", ["_id"] = i.Id.ToString(), ["status"] = i.Status,
                    ["error"] = i.Error is null ? null : new JsonObject { ["type"] = i.Error, ["reason"] = "boom" },
                },
            }).ToArray()),
        }.ToJsonString();

    private static string LiveMapping(JsonObject definition)
    {
        var mappings = definition["mappings"]!.DeepClone();
        return new JsonObject { ["rh-20261101000000"] = new JsonObject { ["mappings"] = mappings } }.ToJsonString();
    }

    private static JsonObject Today() => ElasticMappings.Create("cjk");

    [Fact]
    public async Task An_index_made_from_another_definition_is_rebuilt()
    {
        _es.Then(HttpStatusCode.OK, LiveMapping(Today()));
        Assert.False(await Index().NeedsRebuildAsync());
        Assert.Equal((HttpMethod.Get, "/rh/_mapping"), (_es.Requests[0].Method, _es.Requests[0].Path));

        var lacksFields = Today();
        lacksFields["mappings"]!["properties"]!.AsObject().Remove("details");
        lacksFields["mappings"]!["_meta"] = null; // made before the hash existed
        _es.Then(HttpStatusCode.OK, LiveMapping(lacksFields));
        Assert.True(await Index().NeedsRebuildAsync());

        var otherSynonyms = ElasticMappings.Create("cjk", new SynonymSet([.. SynonymSet.Shipped.Rules, "备课稿 => 教案"]));
        _es.Then(HttpStatusCode.OK, LiveMapping(otherSynonyms));
        Assert.True(await Index().NeedsRebuildAsync());

        _es.Then(HttpStatusCode.OK, LiveMapping(ElasticMappings.Create("smartcn")));
        Assert.True(await Index().NeedsRebuildAsync());

        _es.Then(HttpStatusCode.NotFound, """{"error":{"type":"index_not_found_exception","reason":"no such index [rh]"},"status":404}""");
        Assert.False(await Index().NeedsRebuildAsync());
    }

    [Fact]
    public void The_definition_hash_changes_with_analyzer_synonyms_and_fields_only()
    {
        var today = ElasticMappings.DefinitionHash(Today());
        Assert.Matches("^[0-9a-f]{64}$", today);
        Assert.Equal(today, ElasticMappings.DefinitionHash(ElasticMappings.Create("cjk", SynonymSet.Shipped)));
        Assert.NotEqual(today, ElasticMappings.DefinitionHash(ElasticMappings.Create("smartcn")));
        Assert.NotEqual(today, ElasticMappings.DefinitionHash(ElasticMappings.Create("cjk", new SynonymSet(["微课, 微视频"]))));
    }

    [Fact]
    public async Task Bulk_partial_failure_is_reported_item_by_item()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid();
        _es.Then(HttpStatusCode.OK, BulkResponse(("index", a, 201, null), ("index", b, 400, "mapper_parsing_exception")));
        var result = await Index().UpsertAsync([Doc(a), Doc(b)]);
        Assert.False(result.AllSucceeded);
        Assert.Equal(1, result.Succeeded);
        var failure = Assert.Single(result.Failures);
        Assert.Equal((b, 400), (failure.Id, failure.Status));
        Assert.Contains("mapper_parsing_exception", failure.Reason);
        var (method, path, body) = Assert.Single(_es.Requests);
        Assert.Equal((HttpMethod.Post, "/_bulk"), (method, path));
        Assert.Equal(4, body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains($"\"_id\":\"{a}\"", body);
    }

    [Fact]
    public async Task Bulk_sources_carry_chinese_as_utf8_not_escapes()
    {
        var id = Guid.NewGuid();
        _es.Then(HttpStatusCode.OK, BulkResponse(("index", id, 201, null)));
        await Index().UpsertAsync([Doc(id)]);
        var body = _es.Requests.Single().Body;
        Assert.Contains("\"title\":\"圆的面积\"", body);
        Assert.DoesNotContain("\\u5706", body);
    }

    [Fact]
    public async Task Configured_credentials_go_as_basic_auth()
    {
        string? authorization = null;
        _es.Then((request, _) =>
        {
            authorization = request.Headers.Authorization?.ToString();
            return FakeElasticHandler.Json(HttpStatusCode.OK, "{\"count\":1}");
        });
        var options = new SearchOptions { IndexName = "rh", ElasticsearchUrl = "http://es.test:9200", ElasticsearchUsername = "resourcehub", ElasticsearchPassword = "s3cret" };
        var index = new ElasticSearchIndex(new ElasticConnection(new ElasticsearchClient(ElasticConnection.Settings(options, _es))), options, new RankingBoost());
        await index.CountAsync(new SearchRequest(new EntityQuery(), VisibilityScope.For(null)));
        Assert.Equal("Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("resourcehub:s3cret")), authorization);
    }

    [Fact]
    public async Task Deleting_a_missing_document_counts_as_success()
    {
        var id = Guid.NewGuid();
        _es.Then(HttpStatusCode.OK, BulkResponse(("delete", id, 404, null)));
        Assert.True((await Index().DeleteAsync([id])).AllSucceeded);
    }

    [Fact]
    public async Task Partial_bulk_failure_advances_nothing_past_the_failed_batch()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        await using var context = db.CreateContext();
        var resources = Enumerable.Range(0, 3).Select(i => new Resource
        {
            Id = Guid.NewGuid(), Title = $"资源{i}", Kind = "courseware", Subject = "math", Stage = "primary", OwnerOrg = "acme",
            CreatedBy = "alice", Status = ResourceStatus.Published, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        }).ToList();
        context.Resources.AddRange(resources);
        await context.SaveChangesAsync();
        var drainer = new OutboxDrainer(context, new DocumentSync(context, new SearchDocumentBuilder(TaxonomyCatalog.Default)), Index(), new IndexerOptions { BatchSize = 10 });

        // One item of the batch fails: the whole batch stays pending.
        _es.Then((_, body) => FakeElasticHandler.Json(HttpStatusCode.OK, BulkResponse(
            resources.Select((r, i) => ("index", r.Id, i == 1 ? 429 : 201, i == 1 ? "es_rejected_execution_exception" : null)).ToArray())));
        var failed = await drainer.DrainOnceAsync(CancellationToken.None);
        Assert.Equal(0, failed.Applied);
        Assert.Contains("es_rejected_execution_exception", failed.Failure);
        Assert.Equal(3, await drainer.PendingAsync(CancellationToken.None));

        // The replay succeeds: every row is marked, and the same ids were sent again (idempotent by _id).
        _es.Then((_, body) => FakeElasticHandler.Json(HttpStatusCode.OK, BulkResponse(resources.Select(r => ("index", r.Id, 200, (string?)null)).ToArray())));
        var ok = await drainer.DrainOnceAsync(CancellationToken.None);
        Assert.Equal(3, ok.Applied);
        Assert.Equal(0, await drainer.PendingAsync(CancellationToken.None));
        Assert.All(resources, r => Assert.Contains(r.Id.ToString(), _es.Requests[^1].Body));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Transient_statuses_are_retried(HttpStatusCode status)
    {
        _es.Then(status, "{\"error\":\"busy\"}").Then(status, "{\"error\":\"busy\"}").Then(HttpStatusCode.OK, "{\"count\":7}");
        Assert.Equal(7, await Index().CountAsync(new SearchRequest(new EntityQuery(), VisibilityScope.For(null))));
        Assert.Equal(3, _es.Requests.Count);
    }

    [Fact]
    public async Task Retry_after_header_is_honoured()
    {
        _es.Then((_, _) =>
        {
            var r = FakeElasticHandler.Json(HttpStatusCode.TooManyRequests, "{}");
            r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(1)); // whole seconds, as ES sends
            return r;
        }).Then(HttpStatusCode.OK, "{\"count\":1}");
        var started = DateTime.UtcNow;
        await Index().CountAsync(new SearchRequest(new EntityQuery(), VisibilityScope.For(null)));
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public async Task Persistent_unavailability_surfaces_after_the_retries()
    {
        _es.Fallback = (_, _) => FakeElasticHandler.Json(HttpStatusCode.ServiceUnavailable, "{\"error\":{\"type\":\"cluster_block_exception\",\"reason\":\"blocked\"},\"status\":503}");
        var e = await Assert.ThrowsAsync<ElasticException>(() => Index(retries: 2).UpsertAsync([Doc(Guid.NewGuid())]));
        Assert.Equal(503, e.Status);
        Assert.Contains("cluster_block_exception", e.Message);
        Assert.Equal(3, _es.Requests.Count);
    }

    [Fact]
    public async Task Unauthorized_is_surfaced_at_once_with_a_clear_message()
    {
        _es.Fallback = (_, _) => FakeElasticHandler.Json(HttpStatusCode.Unauthorized,
            "{\"error\":{\"type\":\"security_exception\",\"reason\":\"missing authentication credentials for REST request [/rh/_search]\"},\"status\":401}");
        var e = await Assert.ThrowsAsync<ElasticAuthException>(() => Index().SearchAsync(new SearchRequest(new EntityQuery { Search = "圆" }, VisibilityScope.For(null))));
        Assert.Equal(401, e.Status);
        Assert.Contains("security_exception", e.Message);
        Assert.Contains("ResourceHub:Search:ElasticsearchUsername", e.Message);
        Assert.Single(_es.Requests); // no retries for auth errors
    }

    [Fact]
    public async Task Unreachable_cluster_is_a_search_unavailable_error()
    {
        var client = new ElasticConnection(new ElasticsearchClient(ElasticConnection.Settings(new SearchOptions { ElasticsearchUrl = "http://127.0.0.1:1/" })), 1,
            TimeSpan.FromMilliseconds(1));
        var index = new ElasticSearchIndex(client, _options, new RankingBoost());
        var e = await Assert.ThrowsAsync<SearchUnavailableException>(() => index.CheckAsync());
        Assert.Contains("unreachable", e.Message);
    }

    [Fact]
    public async Task Search_response_becomes_hits_highlights_facets_and_cursor()
    {
        var id = Guid.NewGuid();
        _es.Then(HttpStatusCode.OK, """
            {"hits":{"total":{"value":42,"relation":"eq"},"hits":[
              {"_id":"ID","_score":3.5,"_source":{"id":"ID","title":"圆的面积","description":"割补法","kind":"micro-lesson","subject":"math","stage":"primary",
               "topics":["it-integration"],"tags":["圆"],"code_names":["微课","数学","小学"],"status":"published","level_rank":0,"owner_org":"acme","created_by":"alice",
               "created_at":"2024-01-01T08:00:00.000Z","updated_at":"2024-01-02T08:00:00.000Z"},
               "highlight":{"title":["PRE圆的POST面积"],"description":["<img src=x onerror=alert(1)> PRE割补法POST"]},"sort":[3.5,"ID"]}]},
             "aggregations":{"filter#Subject":{"doc_count":42,"sterms#values":{"buckets":[{"key":"math","doc_count":40},{"key":"physics","doc_count":2}]}}}}
            """.Replace("ID", id.ToString()).Replace("PRE", Highlighter.EnginePre).Replace("POST", Highlighter.EnginePost));
        var result = await Index().SearchAsync(new SearchRequest(new EntityQuery { Search = "圆的", Top = 1, Count = true }, VisibilityScope.For(null), new FacetRequest(["Subject"])));
        var hit = Assert.Single(result.Hits);
        Assert.Equal((id, "圆的面积", 3.5), (hit.Document.Id, hit.Document.Title, hit.Score));
        Assert.Equal("<em>圆的</em>面积", hit.Highlights["Title"]);
        Assert.Equal("&lt;img src=x onerror=alert(1)&gt; <em>割补法</em>", hit.Highlights["Description"]); // the engine's text is escaped
        Assert.Equal(42, result.Total);
        Assert.Equal([("math", "数学", 40L), ("physics", "物理", 2L)], result.Facets["Subject"].Select(b => (b.Code, b.Name, b.Count)));
        Assert.Equal([3.5, id.ToString()], result.Next!.Values);
        Assert.Equal(new DateTime(2024, 1, 1, 8, 0, 0, DateTimeKind.Utc), hit.Document.CreatedAt);
    }

    [Fact]
    public async Task A_content_highlight_is_kept_only_when_title_and_description_show_no_match()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid();
        string Hit(Guid id, string title, string highlight) => $$"""
            {"_id":"{{id}}","_score":1.0,"_source":{"id":"{{id}}","title":"{{title}}","kind":"courseware","subject":"math","stage":"primary","status":"published",
             "owner_org":"acme","created_by":"alice","created_at":"2024-01-01T08:00:00.000Z","updated_at":"2024-01-01T08:00:00.000Z"},
             "highlight":{{{highlight}}},"sort":[1.0,"{{id}}"]}
            """;
        _es.Then(HttpStatusCode.OK, ("""{"hits":{"total":{"value":2,"relation":"eq"},"hits":[""" +
            Hit(a, "圆柱与圆锥", """ "content":["…收集校园里的PRE银杏落叶POST（<b>注意</b>）"] """) + "," +
            Hit(b, "银杏落叶标本", """ "title":["PRE银杏落叶POST标本"],"content":["PRE银杏落叶POST"] """) + "]}}")
            .Replace("PRE", Highlighter.EnginePre).Replace("POST", Highlighter.EnginePost));
        var result = await Index().SearchAsync(new SearchRequest(new EntityQuery { Search = "银杏落叶" }, VisibilityScope.For(null)));
        Assert.Equal(new Dictionary<string, string> { ["Content"] = "…收集校园里的<em>银杏落叶</em>（&lt;b&gt;注意&lt;/b&gt;）" }, result.Hits[0].Highlights);
        Assert.Equal(new Dictionary<string, string> { ["Title"] = "<em>银杏落叶</em>标本" }, result.Hits[1].Highlights);
    }

    [Fact]
    public async Task Rebuild_creates_a_versioned_index_and_swaps_the_alias_atomically()
    {
        var id = Guid.NewGuid();
        _es.Then(HttpStatusCode.OK, "{\"acknowledged\":true}")                                  // PUT rh-20261122060000000
           .Then(HttpStatusCode.OK, BulkResponse(("index", id, 201, null)))                   // bulk into it
           .Then(HttpStatusCode.OK, "{}")                                                     // refresh
           .Then(HttpStatusCode.OK, "{\"rh-old\":{\"aliases\":{\"rh\":{}}}}")                  // alias exists?
           .Then(HttpStatusCode.OK, "{\"rh-old\":{\"aliases\":{\"rh\":{}}}}")                  // which indices
           .Then(HttpStatusCode.OK, "{\"acknowledged\":true}")                                  // _aliases
           .Then(HttpStatusCode.OK, "{\"acknowledged\":true}");                                 // delete old
        await using (var rebuild = await Index().BeginRebuildAsync())
        {
            Assert.Equal("rh-20261122060000000", rebuild.Target);
            Assert.True((await rebuild.UpsertAsync([Doc(id)])).AllSucceeded);
            await rebuild.CommitAsync();
        }
        Assert.Equal((HttpMethod.Put, "/rh-20261122060000000"), (_es.Requests[0].Method, _es.Requests[0].Path));
        Assert.Contains("\"_index\":\"rh-20261122060000000\"", _es.Requests[1].Body);
        var swap = _es.Requests.Single(r => r.Path == "/_aliases");
        var actions = JsonNode.Parse(swap.Body)!["actions"]!.AsArray();
        Assert.Equal("rh-old", actions[0]!["remove"]!["index"]!.GetValue<string>());
        Assert.Equal("rh-20261122060000000", actions[1]!["add"]!["index"]!.GetValue<string>());
        Assert.Equal((HttpMethod.Delete, "/rh-old"), (_es.Requests[^1].Method, _es.Requests[^1].Path));
    }

    [Fact]
    public async Task Abandoned_rebuild_deletes_its_index()
    {
        _es.Then(HttpStatusCode.OK, "{}");
        await using (await Index().BeginRebuildAsync())
        {
        }
        Assert.Equal((HttpMethod.Delete, "/rh-20261122060000000"), (_es.Requests[^1].Method, _es.Requests[^1].Path));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
