using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using System.Globalization;
using System.Text.Json.Nodes;
using ResourceHub.Indexing.Documents;
using ResourceHub.Indexing.Text;
using ResourceHub.Indexing.Understanding;
using ResourceHub.Query.Model;
using EsCountRequest = Elastic.Clients.Elasticsearch.CountRequest;
using EsSearchRequest = Elastic.Clients.Elasticsearch.SearchRequest;

namespace ResourceHub.Indexing.Elastic;

/// <summary>
/// The production engine. Queries and writes go to an alias; a rebuild fills a new
/// "{alias}-{timestamp}" index and moves the alias in one _aliases call (atomic for readers).
/// Writes refresh per request only in tests (<paramref name="refreshOnWrite"/>), never in production.
/// </summary>
public sealed class ElasticSearchIndex(ElasticConnection client, SearchOptions options, RankingBoost boost, bool refreshOnWrite = false,
    TimeProvider? clock = null, QueryUnderstanding? understanding = null) : ISearchIndex
{
    private readonly QueryUnderstanding _understanding = understanding ?? QueryUnderstanding.Default;
    private readonly ElasticQueryRenderer _renderer = new(boost, understanding);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private ElasticConnection Client => client;

    public string Alias => options.IndexName;
    public string Engine => "elasticsearch";

    /// <summary>
    /// Analysis settings and mappings cannot change in place (and a strict mapping rejects documents with a new field),
    /// so the indexer rebuilds at start when the live index was made from another definition: its stored hash of
    /// analyzer, synonym list and fields (<see cref="ElasticMappings.DefinitionHash"/>) differs from today's.
    /// </summary>
    public async Task<bool> NeedsRebuildAsync(CancellationToken ct = default)
    {
        JsonNode live;
        try
        {
            live = await client.GetAsync($"{Alias}/_mapping", ct);
        }
        catch (ElasticException e) when (e.Status == 404)
        {
            return false; // nothing built yet: EnsureCreatedAsync makes it with today's definition
        }
        var wanted = ElasticMappings.DefinitionHash(ElasticMappings.Create(options.Analyzer, _understanding.Synonyms));
        return live.AsObject().Any(index => index.Value is not JsonObject definition || ElasticMappings.DefinitionHash(definition) != wanted);
    }

    public async Task EnsureCreatedAsync(CancellationToken ct = default)
    {
        if (await client.ExistsAsync($"_alias/{Alias}", ct))
            return;
        var index = NewIndexName();
        await client.PutAsync(index, ElasticMappings.Create(options.Analyzer, _understanding.Synonyms), ct);
        await client.PostAsync("_aliases", new JsonObject
        {
            ["actions"] = new JsonArray(new JsonObject { ["add"] = new JsonObject { ["index"] = index, ["alias"] = Alias, ["is_write_index"] = true } }),
        }, ct);
    }

    public Task<BulkResult> UpsertAsync(IReadOnlyList<SearchDocument> documents, CancellationToken ct = default) =>
        documents.Count == 0 ? Task.FromResult(BulkResult.Ok(0)) : BulkAsync(ElasticDocuments.BulkIndex(Alias, documents), ct);

    public Task<BulkResult> DeleteAsync(IReadOnlyList<Guid> ids, CancellationToken ct = default) =>
        ids.Count == 0 ? Task.FromResult(BulkResult.Ok(0)) : BulkAsync(ElasticDocuments.BulkDelete(Alias, ids), ct);

    /// <summary>Understands the text, corrects misspelt curriculum terms and relaxes a fruitless query as FTS does (<see cref="TypoFallback"/>).</summary>
    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken ct = default)
    {
        var text = await UnderstoodAsync(request, ct);
        var result = await SearchAsync(request, text, ct);
        return await TypoFallback.RelaxedAsync(request, text, result.Hits.Count, term => TermCountAsync(term, request, ct)) is { } relaxed
            ? await SearchAsync(request, relaxed, ct)
            : result;
    }

    /// <summary>The request's text understood, misspelt curriculum terms corrected.</summary>
    private async Task<StructuredQuery> UnderstoodAsync(SearchRequest request, CancellationToken ct)
    {
        var text = _renderer.Understand(request);
        return !text.IsEmpty && await TypoFallback.CorrectedAsync(_understanding, request.Query.Search, term => TermCountAsync(term, request, ct)) is { } corrected
            ? corrected
            : text;
    }

    private async Task<long> TermCountAsync(string term, SearchRequest request, CancellationToken ct) =>
        await client.CountAsync(InAlias(_renderer.TermCount(term, request.Scope)), ct);

    private async Task<SearchResult> SearchAsync(SearchRequest request, StructuredQuery text, CancellationToken ct)
    {
        var response = await client.SearchAsync(InAlias(_renderer.Search(request, text)), ct);
        var hits = new List<SearchHit>();
        IReadOnlyCollection<FieldValue>? lastSort = null;
        foreach (var hit in response.Hits)
        {
            hits.Add(new SearchHit(ElasticDocuments.FromSource(hit.Source!), hit.Score ?? 0, Highlights(hit.Highlight)));
            lastSort = hit.Sort;
        }
        long? total = request.Query.Count ? response.HitsMetadata?.Total?.Match(t => t!.Value, n => n) : null;
        var facets = new Dictionary<string, IReadOnlyList<FacetBucket>>();
        foreach (var name in request.Facets?.Fields ?? [])
        {
            var field = SearchFields.Facet(name);
            var buckets = response.Aggregations?.GetFilter(field.Name)?.Aggregations?.GetStringTerms(ElasticQueryRenderer.FacetValues)?.Buckets ?? [];
            facets[field.Name] = buckets.Select(b => new FacetBucket(b.Key.ToString(), field.Names?.NameOf(b.Key.ToString()), b.DocCount)).ToList();
        }
        var next = hits.Count == request.PageSize && request.PageSize > 0 && lastSort is not null
            ? new KeysetPosition(lastSort.Select(v => v.Value).ToList())
            : null;
        return new SearchResult(hits, total, facets, next, text.DidYouMean, text.SuggestedFacets);
    }

    /// <summary>Title and description highlights; the snippet of the text inside the file only when neither shows a match (as FTS).</summary>
    private static Dictionary<string, string> Highlights(IReadOnlyDictionary<string, IReadOnlyCollection<string>>? fields)
    {
        var highlights = new Dictionary<string, string>();
        foreach (var (key, fragments) in fields ?? new Dictionary<string, IReadOnlyCollection<string>>())
            if (fragments.FirstOrDefault() is { } fragment)
                highlights[key.Split('.')[0] switch { "title" => "Title", "description" => "Description", _ => Highlighter.ContentField }] =
                    Highlighter.FromEngineFragment(fragment);
        if (highlights.Count > 1)
            highlights.Remove(Highlighter.ContentField);
        return highlights;
    }

    public async Task<long> CountAsync(SearchRequest request, CancellationToken ct = default)
    {
        var (text, count) = await CountedAsync(request, ct);
        return count ?? await CountAsync(request, text, ct);
    }

    /// <summary>
    /// The text the rows were found with, which the count and $apply go by: corrected, and relaxed when it finds nothing;
    /// with its count when that was counted already (null after relaxing).
    /// </summary>
    private async Task<(StructuredQuery Text, long? Count)> CountedAsync(SearchRequest request, CancellationToken ct)
    {
        var text = await UnderstoodAsync(request, ct);
        var count = await CountAsync(request, text, ct);
        return await TypoFallback.RelaxedAsync(request, text, count, term => TermCountAsync(term, request, ct)) is { } relaxed
            ? (relaxed, null)
            : (text, count);
    }

    private Task<long> CountAsync(SearchRequest request, StructuredQuery text, CancellationToken ct) =>
        client.CountAsync(InAlias(_renderer.Count(request, text)), ct);

    /// <summary>
    /// The groups from size-0 searches with aggregations (<see cref="ElasticGroups"/>), page by page of groups, never
    /// of matches: no cap on how many documents match. The text is the one the count uses.
    /// </summary>
    public async Task<ApplyResult?> AggregateAsync(AggregateRequest request, CancellationToken ct = default)
    {
        var (search, apply) = (request.Search, request.Apply);
        if (ElasticGroups.Unservable(apply) is not null)
            return null;
        var (text, _) = await CountedAsync(search, ct);
        var matches = _renderer.Matches(search, text);
        var take = ApplyResult.Take(apply, request.MaxGroups);
        var skip = apply.Skip ?? 0;
        var keyOrdered = ElasticGroups.KeyOrdered(apply);
        // Key order: the composite's pages are already sorted, so read only up to the last group wanted (and one more).
        var wanted = keyOrdered ? skip + take + 1 : ElasticGroups.MaxSortedGroups + 1;
        var rows = new List<object?[]>();
        IReadOnlyDictionary<string, FieldValue>? after = null;
        do
        {
            var size = Math.Min(ElasticGroups.PageSize, wanted - rows.Count);
            var response = await client.SearchAsync(InAlias(ElasticGroups.Request(matches, apply, after, size)), ct);
            var (page, next) = ElasticGroups.Read(response, apply);
            rows.AddRange(page);
            after = apply.GroupBy.Count == 0 || page.Count < size ? null : next;
        }
        while (after is not null && rows.Count < wanted);
        if (!keyOrdered)
        {
            if (rows.Count > ElasticGroups.MaxSortedGroups)
                throw new SearchQueryException($"按聚合值排序时最多 {ElasticGroups.MaxSortedGroups} 个分组，请缩小搜索或减少分组属性 "
                                               + $"($orderby on an aggregate sorts at most {ElasticGroups.MaxSortedGroups} groups)");
            rows = ElasticGroups.Sorted(rows, apply);
        }
        return ApplyResult.Cut(apply, rows.Skip(skip).Take(take + 1).ToList(), take);
    }

    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestRequest request, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(request.Prefix))
            return [];
        var response = await client.SearchAsync(InAlias(ElasticQueryRenderer.Suggest(request)), ct);
        return response.Hits
            .Select(h => new Suggestion(Guid.Parse(h.Source!["id"]!.GetValue<string>()), h.Source["title"]!.GetValue<string>()))
            .ToList();
    }

    private EsSearchRequest InAlias(EsSearchRequest request)
    {
        request.Indices = Alias;
        return request;
    }

    private EsCountRequest InAlias(EsCountRequest request)
    {
        request.Indices = Alias;
        return request;
    }

    public async Task<IIndexRebuild> BeginRebuildAsync(CancellationToken ct = default)
    {
        var index = NewIndexName();
        await client.PutAsync(index, ElasticMappings.Create(options.Analyzer, _understanding.Synonyms), ct);
        return new Rebuild(this, index);
    }

    public async Task<string> CheckAsync(CancellationToken ct = default)
    {
        var health = await client.GetAsync($"_cluster/health/{Alias}", ct);
        var status = health["status"]?.GetValue<string>() ?? "unknown";
        if (status == "red")
            throw new SearchUnavailableException($"Elasticsearch index {Alias} is red");
        return $"elasticsearch {Alias}: {status}";
    }

    private Task<BulkResult> BulkAsync(IReadOnlyList<IBulkOperation> operations, CancellationToken ct) =>
        BulkAsync(client, operations, refreshOnWrite, ct);

    private static async Task<BulkResult> BulkAsync(ElasticConnection connection, IReadOnlyList<IBulkOperation> operations,
        bool refresh, CancellationToken ct) =>
        ElasticDocuments.ReadBulk(operations, await connection.BulkAsync(operations, refresh, ct));

    private string NewIndexName() =>
        $"{Alias}-{_clock.GetUtcNow().ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture)}";

    private sealed class Rebuild(ElasticSearchIndex owner, string index) : IIndexRebuild
    {
        private bool _committed;

        public string Target => index;

        public async Task<BulkResult> UpsertAsync(IReadOnlyList<SearchDocument> documents, CancellationToken ct = default) =>
            documents.Count == 0
                ? BulkResult.Ok(0)
                : await BulkAsync(owner.Client, ElasticDocuments.BulkIndex(index, documents), false, ct);

        public async Task CommitAsync(CancellationToken ct = default)
        {
            await owner.Client.PostAsync($"{index}/_refresh", new JsonObject(), ct);
            var old = await OldIndicesAsync(ct);
            var actions = new JsonArray();
            foreach (var o in old)
                actions.Add(new JsonObject { ["remove"] = new JsonObject { ["index"] = o, ["alias"] = owner.Alias } });
            actions.Add(new JsonObject { ["add"] = new JsonObject { ["index"] = index, ["alias"] = owner.Alias, ["is_write_index"] = true } });
            await owner.Client.PostAsync("_aliases", new JsonObject { ["actions"] = actions }, ct);
            _committed = true;
            foreach (var o in old)
                await owner.Client.DeleteAsync(o, ct);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_committed)
                await owner.Client.DeleteAsync(index, CancellationToken.None);
        }

        private async Task<List<string>> OldIndicesAsync(CancellationToken ct) =>
            await owner.Client.ExistsAsync($"_alias/{owner.Alias}", ct)
                ? (await owner.Client.GetAsync($"_alias/{owner.Alias}", ct)).AsObject().Select(p => p.Key).ToList()
                : [];
    }
}
