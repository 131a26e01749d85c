using System.Text.Json;
using Microsoft.Data.Sqlite;
using ResourceHub.Data;
using ResourceHub.Indexing.Documents;
using ResourceHub.Indexing.Text;
using ResourceHub.Indexing.Understanding;
using ResourceHub.Query.Model;

namespace ResourceHub.Indexing.Fts;

/// <summary>
/// The embedded engine: SQLite FTS5 in its own file ({DataDir}/search/index.db), apart from the
/// system of record. Text is tokenized in C# like the cjk analyzer; bm25 ranks with the title weighted
/// and <see cref="RankingBoost"/> applied; filters, facets and keyset paging are SQL over docs_N.
/// </summary>
public sealed class FtsSearchIndex : ISearchIndex
{
    private readonly string _connectionString;
    private readonly RankingBoost _boost;
    private readonly int _exactRankingBudget;
    private readonly QueryUnderstanding _understanding;
    private readonly FtsFacetPass _facetPass;
    private volatile FtsFacetValues? _facetValues;

    /// <param name="exactRankingBudget">The most ranking work (visible matches × query terms) a search may take;
    /// beyond it the search is ranked in tiers (<see cref="FtsTieredQuery"/>) instead.</param>
    /// <param name="facetPass">How facets are counted; <see cref="FtsFacetPass.Sql"/> is the reference the tests and the bench compare with.</param>
    public FtsSearchIndex(string path, RankingBoost? boost = null, int exactRankingBudget = DefaultExactRankingBudget,
        QueryUnderstanding? understanding = null, FtsFacetPass facetPass = FtsFacetPass.Numbers)
    {
        _understanding = understanding ?? QueryUnderstanding.Default;
        _facetPass = facetPass;
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true, DefaultTimeout = 30 }.ToString();
        _boost = boost ?? new RankingBoost();
        _exactRankingBudget = exactRankingBudget;
    }

    /// <summary>bm25 costs about 1 µs per match and query token on one core: 10,000 keeps the exact path near 10 ms.</summary>
    public const int DefaultExactRankingBudget = 10_000;

    public string Path { get; }
    public string Engine => "fts";

    public Task EnsureCreatedAsync(CancellationToken ct = default)
    {
        using var c = Open();
        FtsSchema.Execute(c, null, "PRAGMA journal_mode=WAL");
        using var tx = c.BeginTransaction();
        FtsSchema.EnsureMeta(c, tx);
        if (FtsSchema.CurrentGeneration(c, tx) is null)
        {
            FtsSchema.Create(c, tx, 1);
            FtsSchema.SetGeneration(c, tx, 1);
        }
        tx.Commit();
        return Task.CompletedTask;
    }

    public Task<bool> NeedsRebuildAsync(CancellationToken ct = default)
    {
        using var c = Open();
        return Task.FromResult(FtsSchema.CurrentGeneration(c, null) is not null && FtsSchema.CurrentFormat(c, null) != FtsSchema.Format);
    }

    public Task<BulkResult> UpsertAsync(IReadOnlyList<SearchDocument> documents, CancellationToken ct = default) =>
        Task.FromResult(WriteDocuments(null, documents));

    public Task<BulkResult> DeleteAsync(IReadOnlyList<Guid> ids, CancellationToken ct = default) =>
        Task.FromResult(Write(null, w => { foreach (var id in ids) w.Delete(id); }, ids.Count));

    public Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken ct = default)
    {
        using var c = Open();
        using var tx = c.BeginTransaction(deferred: true); // one snapshot for hits, count and facets
        var g = Generation(c, tx);
        var text = Understood(c, tx, g, request);
        var result = Search(c, tx, g, request, text);
        if (Relaxed(c, tx, g, request, text, result.Hits.Count) is { } relaxed)
            result = Search(c, tx, g, request, relaxed);
        return Task.FromResult(result);
    }

    public Task<long> CountAsync(SearchRequest request, CancellationToken ct = default)
    {
        using var c = Open();
        using var tx = c.BeginTransaction(deferred: true);
        var g = Generation(c, tx);
        var (text, count) = Counted(c, tx, g, request);
        return Task.FromResult(count ?? Count(c, tx, new FtsQuery(request, text, g, _boost)));
    }

    /// <summary>The groups as one SQL GROUP BY over the matches, inside the index file (<see cref="FtsGroups"/>).</summary>
    public Task<ApplyResult?> AggregateAsync(AggregateRequest request, CancellationToken ct = default)
    {
        if (SearchAggregates.Unservable(request.Apply) is not null)
            return Task.FromResult<ApplyResult?>(null);
        using var c = Open();
        using var tx = c.BeginTransaction(deferred: true);
        var g = Generation(c, tx);
        var search = request.Search;
        var (text, _) = Counted(c, tx, g, search);
        var take = ApplyResult.Take(request.Apply, request.MaxGroups);
        using var cmd = new FtsQuery(search, text, g, _boost).GroupsCommand(c, tx, request.Apply, take);
        return Task.FromResult<ApplyResult?>(ApplyResult.Cut(request.Apply, FtsGroups.Read(cmd, request.Apply), take));
    }

    private SearchResult Search(SqliteConnection c, SqliteTransaction tx, long g, SearchRequest request, StructuredQuery text)
    {
        var q = new FtsQuery(request, text, g, _boost);
        List<SearchHit> hits;
        KeysetPosition? next;
        long? total = null;
        if (FtsTieredQuery.Applies(request, text))
        {
            // Counting is cheap (a posting-list merge); it decides whether every match can be ranked in time.
            total = Count(c, tx, q);
            var tieredCursor = FtsTieredQuery.IsCursor(request.Query.After);
            if (tieredCursor || (request.Query.After is null && total * (text.TokenCount + RankerCostPerCandidate) > _exactRankingBudget))
                hits = ReadTieredHits(c, tx, q, new FtsTieredQuery(request, text, g), out next);
            else
                hits = ReadRankedHits(c, tx, q, out next);
        }
        else
        {
            hits = ReadHits(c, tx, q, out next, out var counted);
            if (request.Query.Count)
                total = q.CountsInHitsQuery ? counted : Count(c, tx, q);
        }
        var facets = _facetPass == FtsFacetPass.Numbers ? CountFacets(c, tx, g, q, request) : ReadFacets(c, tx, q, request.Facets);
        return new SearchResult(hits, request.Query.Count ? total : null, facets, next, text.DidYouMean, text.SuggestedFacets);
    }

    /// <summary>
    /// The text the rows were found with, which the count and $apply go by: corrected, and relaxed when it finds nothing;
    /// with its count when that was counted already (null after relaxing).
    /// </summary>
    private (StructuredQuery Text, long? Count) Counted(SqliteConnection c, SqliteTransaction tx, long g, SearchRequest request)
    {
        var text = Understood(c, tx, g, request);
        var count = Count(c, tx, new FtsQuery(request, text, g, _boost));
        return Relaxed(c, tx, g, request, text, count) is { } relaxed ? (relaxed, null) : (text, count);
    }

    /// <summary>The request's text understood, misspelt curriculum terms corrected (<see cref="TypoFallback"/>).</summary>
    private StructuredQuery Understood(SqliteConnection c, SqliteTransaction tx, long g, SearchRequest request)
    {
        var text = _understanding.Understand(request.Query.Search);
        if (text.IsEmpty)
            return text;
        // Synchronous underneath (SQLite): the task is complete when it returns.
        return TypoFallback.CorrectedAsync(_understanding, request.Query.Search, Documents(c, tx, g, request)).GetAwaiter().GetResult() ?? text;
    }

    private static StructuredQuery? Relaxed(SqliteConnection c, SqliteTransaction tx, long g, SearchRequest request, StructuredQuery text, long hits) =>
        TypoFallback.RelaxedAsync(request, text, hits, Documents(c, tx, g, request)).GetAwaiter().GetResult();

    /// <summary>How many documents the caller may see have one term (for the typo and relaxation steps).</summary>
    private static Func<string, Task<long>> Documents(SqliteConnection c, SqliteTransaction tx, long g, SearchRequest request) => term =>
    {
        var sql = new SqlBuilder();
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT count(*) FROM {FtsSchema.Fts(g)} WHERE {FtsSchema.Fts(g)} MATCH {sql.Add(FtsMatch.Concept(new Concept(term, [term], ConceptRole.Topic), FtsAccess.Match(request.Scope)))}";
        sql.ApplyTo(cmd);
        return Task.FromResult((long)cmd.ExecuteScalar()!);
    };

    /// <summary>
    /// The exact path reads each candidate's token columns (an FTS content lookup per row) before scoring its terms:
    /// about nine terms' worth of bm25 work, so a one-word query ranks at most 1,000 matches exactly by default.
    /// </summary>
    private const int RankerCostPerCandidate = 9;

    /// <summary>The exact relevance path: every match scored by <see cref="FtsRanker"/>, sorted, the page after the cursor.</summary>
    private List<SearchHit> ReadRankedHits(SqliteConnection c, SqliteTransaction tx, FtsQuery q, out KeysetPosition? next)
    {
        var inBody = q.Text.Concepts.Select(concept =>
        {
            var rows = new HashSet<long>();
            using var cmd = q.InBodyCommand(c, tx, concept);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
                rows.Add(reader.GetInt64(0));
            return (IReadOnlySet<long>)rows;
        }).ToList();
        var ranker = new FtsRanker(q.Text, _boost, inBody);
        var scored = new List<(long Rid, string Id, double Score)>();
        using (var cmd = q.CandidatesCommand(c, tx))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                var codes = new Dictionary<string, string?>
                {
                    ["Kind"] = reader.GetString(4), ["Stage"] = reader.GetString(5),
                    ["Grade"] = reader.IsDBNull(6) ? null : reader.GetString(6), ["Subject"] = reader.GetString(7),
                };
                var candidate = new FtsCandidate(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    codes, reader.GetInt32(8), reader.IsDBNull(9) ? null : reader.GetDouble(9));
                scored.Add((candidate.Rid, candidate.Id, ranker.Score(candidate)));
            }
        }
        IEnumerable<(long Rid, string Id, double Score)> ordered = scored.OrderByDescending(s => s.Score).ThenBy(s => s.Id, StringComparer.Ordinal);
        if (q.After is { } after)
        {
            if (after.Values.Count != 2 || FtsValues.ToDb(after.Values[0]) is not (double or long) || FtsValues.ToDb(after.Values[1]) is not string afterId)
                throw new SearchQueryException("分页游标与排序不符 ($skiptoken does not match this search)");
            var afterScore = Convert.ToDouble(FtsValues.ToDb(after.Values[0]), System.Globalization.CultureInfo.InvariantCulture);
            ordered = ordered.Where(s => s.Score < afterScore || (s.Score == afterScore && string.CompareOrdinal(s.Id, afterId) > 0));
        }
        var page = ordered.Take(q.PageSize).ToList();
        next = page.Count == q.PageSize && page.Count > 0 ? new KeysetPosition([page[^1].Score, page[^1].Id]) : null;
        var documents = ReadDocuments(c, tx, q, page.Select(p => p.Rid).ToList());
        return Hits(c, tx, q, documents, page.Select(p => (p.Rid, p.Score)).ToList());
    }

    public Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestRequest request, CancellationToken ct = default)
    {
        var prefix = request.Prefix.Trim();
        if (FtsMatch.Prefix(prefix) is not { } match)
            return Task.FromResult<IReadOnlyList<Suggestion>>([]);
        using var c = Open();
        using var tx = c.BeginTransaction(deferred: true);
        var g = Generation(c, tx);
        var sql = new SqlBuilder();
        var visibility = new FtsFilterRenderer(sql, "d").Visibility(request.Scope);
        var p = sql.Add(prefix.ToLowerInvariant());
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        // Titles that start with the prefix first, then recommended ones, then shorter ones.
        cmd.CommandText = $"""
            SELECT d.id, d.title FROM {FtsSchema.Fts(g)} JOIN {FtsSchema.Docs(g)} d ON d.rid = {FtsSchema.Fts(g)}.rowid
            WHERE {FtsSchema.Fts(g)} MATCH {sql.Add(match)} AND instr(lower(d.title), {p}) > 0 AND {visibility}
            ORDER BY substr(lower(d.title), 1, length({p})) = {p} DESC, d.level_rank DESC, length(d.title), d.id
            LIMIT {sql.Add(Math.Clamp(request.Size, 1, 50))}
            """;
        sql.ApplyTo(cmd);
        var list = new List<Suggestion>();
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
            list.Add(new Suggestion(Guid.Parse(reader.GetString(0)), reader.GetString(1)));
        return Task.FromResult<IReadOnlyList<Suggestion>>(list);
    }

    public async Task<IIndexRebuild> BeginRebuildAsync(CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        using var c = Open();
        using var tx = c.BeginTransaction();
        var next = FtsSchema.CurrentGeneration(c, tx)!.Value + 1;
        FtsSchema.Create(c, tx, next);
        tx.Commit();
        return new Rebuild(this, next);
    }

    public Task<string> CheckAsync(CancellationToken ct = default)
    {
        try
        {
            using var c = Open();
            using var tx = c.BeginTransaction(deferred: true);
            var g = Generation(c, tx);
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = $"SELECT count(*) FROM {FtsSchema.Docs(g)}";
            return Task.FromResult($"fts {Path}: generation {g}, {(long)cmd.ExecuteScalar()!} documents");
        }
        catch (SqliteException e)
        {
            throw new SearchUnavailableException($"FTS index {Path} unusable: {e.Message}", e);
        }
    }

    private BulkResult WriteDocuments(long? generation, IReadOnlyList<SearchDocument> documents)
    {
        // Tokenizing and serializing run in parallel before the (single-writer) transaction starts.
        var prepared = documents.AsParallel().AsOrdered().Select(FtsWriter.Prepare).ToList();
        return Write(generation, w => prepared.ForEach(w.Upsert), documents.Count);
    }

    private BulkResult Write(long? generation, Action<FtsWriter> write, int count)
    {
        try
        {
            using var c = Open();
            using var tx = c.BeginTransaction();
            using (var writer = new FtsWriter(c, tx, generation ?? Generation(c, tx), _boost))
            {
                write(writer);
                writer.Complete();
            }
            tx.Commit();
            return BulkResult.Ok(count);
        }
        catch (SqliteException e)
        {
            throw new SearchUnavailableException($"FTS index {Path} write failed: {e.Message}", e);
        }
    }

    // WAL + NORMAL: durable at checkpoints, which is enough for an index the outbox can rebuild.
    // Memory-mapped reads spare a read() call per page on the join and posting-list walks.
    private static readonly SqliteConnectionTuning Tuning =
        new("PRAGMA synchronous=NORMAL; PRAGMA cache_size=-32768; PRAGMA temp_store=MEMORY; PRAGMA mmap_size=1073741824");

    private SqliteConnection Open()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        Tuning.Apply(c);
        return c;
    }

    private static long Generation(SqliteConnection c, SqliteTransaction tx)
    {
        var generation = FtsSchema.CurrentGeneration(c, tx) ?? throw new SearchUnavailableException("FTS index not created yet (EnsureCreatedAsync)");
        // The outbox keeps every change while this fails, so nothing is lost until the rebuild.
        if (FtsSchema.CurrentFormat(c, tx) != FtsSchema.Format)
            throw new SearchUnavailableException(
                $"搜索索引正在按新格式重建，请稍候 (the FTS index has format {FtsSchema.CurrentFormat(c, tx)}, this version needs {FtsSchema.Format}: "
                + "the indexer rebuilds it from the database when it starts; the reindex verb does the same)");
        return generation;
    }

    private List<SearchHit> ReadTieredHits(SqliteConnection c, SqliteTransaction tx, FtsQuery q, FtsTieredQuery tiered, out KeysetPosition? next)
    {
        var page = tiered.Page(c, tx, out next);
        var documents = ReadDocuments(c, tx, q, page.Select(p => p.Rid).ToList());
        return Hits(c, tx, q, documents, page.Select(p => (p.Rid, FtsTieredQuery.Score(p.Tier, _boost, documents[p.Rid]))).ToList());
    }

    /// <summary>
    /// The page's hits with highlights of title and description; a hit where neither shows a match (it matched in
    /// the text inside its file, or in tags) gets a snippet of that text instead, when the text holds a match.
    /// </summary>
    private static List<SearchHit> Hits(SqliteConnection c, SqliteTransaction tx, FtsQuery q, Dictionary<long, SearchDocument> documents,
        IReadOnlyList<(long Rid, double Score)> page)
    {
        var highlights = page.ToDictionary(p => p.Rid, p => q.Highlights(documents[p.Rid]));
        var bare = highlights.Where(h => h.Value.Count == 0).Select(h => h.Key).ToList();
        if (!q.Text.IsEmpty && bare.Count > 0)
        {
            using var cmd = q.ContentCommand(c, tx, bare);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
                if (q.ContentHighlight(reader.GetString(1)) is { } snippet)
                    highlights[reader.GetInt64(0)] = new Dictionary<string, string> { [Highlighter.ContentField] = snippet };
        }
        return page.Select(p => new SearchHit(documents[p.Rid], p.Score, highlights[p.Rid])).ToList();
    }

    private static Dictionary<long, SearchDocument> ReadDocuments(SqliteConnection c, SqliteTransaction tx, FtsQuery q, IReadOnlyList<long> rids)
    {
        var documents = new Dictionary<long, SearchDocument>();
        if (rids.Count == 0)
            return documents;
        using var cmd = q.DocumentsCommand(c, tx, rids);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
            documents[reader.GetInt64(0)] = JsonSerializer.Deserialize<SearchDocument>(reader.GetString(1))!;
        return documents;
    }

    private static List<SearchHit> ReadHits(SqliteConnection c, SqliteTransaction tx, FtsQuery q, out KeysetPosition? next, out long counted)
    {
        var page = new List<(long Rid, double Score)>();
        object?[]? last = null;
        counted = 0;
        using (var cmd = q.HitsCommand(c, tx))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                page.Add((reader.GetInt64(0), reader.GetDouble(1)));
                counted = reader.IsDBNull(2) ? 0 : reader.GetInt64(2);
                last = new object?[reader.FieldCount - 3];
                for (var i = 3; i < reader.FieldCount; i++)
                    last[i - 3] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
        }
        next = page.Count == q.PageSize && q.PageSize > 0 && last is not null ? new KeysetPosition(last) : null;
        var documents = ReadDocuments(c, tx, q, page.Select(p => p.Rid).ToList());
        return Hits(c, tx, q, documents, page);
    }

    private static long Count(SqliteConnection c, SqliteTransaction tx, FtsQuery q)
    {
        using var cmd = q.CountCommand(c, tx);
        return (long)cmd.ExecuteScalar()!;
    }

    private Dictionary<string, IReadOnlyList<FacetBucket>> CountFacets(SqliteConnection c, SqliteTransaction tx, long g, FtsQuery q, SearchRequest request)
    {
        var fields = (request.Facets?.Fields ?? []).Select(SearchFields.Facet).Distinct().ToList();
        if (fields.Count == 0)
            return [];
        var values = _facetValues is { } known && known.Generation == g ? known : FtsFacetValues.Load(c, tx, g);
        using var rows = q.FacetCodesCommand(c, tx);
        var (facets, extended) = new FtsFacetCounter(request, fields).Count(rows, values, c, tx);
        _facetValues = extended;
        return facets;
    }

    /// <summary>Facets grouped in SQL over the joined document rows (<see cref="FtsFacetPass.Sql"/>).</summary>
    private static Dictionary<string, IReadOnlyList<FacetBucket>> ReadFacets(SqliteConnection c, SqliteTransaction tx, FtsQuery q, FacetRequest? request)
    {
        var facets = new Dictionary<string, IReadOnlyList<FacetBucket>>();
        var fields = (request?.Fields ?? []).Select(SearchFields.Facet).Distinct().ToList();
        if (fields.Count == 0)
            return facets;
        // A facet with ticked values counts without its own selection (multi-select), so it needs a pass of its own.
        var ticked = fields.Where(f => request!.Selections.Any(s => s.Value.Count > 0 && SearchFields.Facet(s.Key) == f)).ToList();
        var shared = fields.Except(ticked).ToList();
        foreach (var field in ticked)
            Read(q.FacetCommand(c, tx, field, request!.Size), [field]);
        if (shared.Count > 0)
            Read(shared.Count == 1 ? q.FacetCommand(c, tx, shared[0], request!.Size) : q.FacetsCommand(c, tx, shared, request!.Size), shared);
        return fields.ToDictionary(f => f.Name, f => facets[f.Name]);

        void Read(SqliteCommand cmd, IReadOnlyList<SearchField> of)
        {
            var buckets = of.Select(_ => new List<FacetBucket>()).ToList();
            using (cmd)
            using (var reader = cmd.ExecuteReader())
                while (reader.Read())
                {
                    var field = of[reader.GetInt32(0)];
                    var code = reader.GetString(1);
                    buckets[reader.GetInt32(0)].Add(new FacetBucket(code, field.Names?.NameOf(code), reader.GetInt64(2)));
                }
            for (var i = 0; i < of.Count; i++)
                facets[of[i].Name] = buckets[i];
        }
    }

    private sealed class Rebuild(FtsSearchIndex index, long generation) : IIndexRebuild
    {
        private bool _committed;

        public string Target => $"{index.Path} generation {generation}";

        public Task<BulkResult> UpsertAsync(IReadOnlyList<SearchDocument> documents, CancellationToken ct = default) =>
            Task.FromResult(index.WriteDocuments(generation, documents));

        public Task CommitAsync(CancellationToken ct = default)
        {
            using var c = index.Open();
            using var tx = c.BeginTransaction();
            var old = FtsSchema.CurrentGeneration(c, tx)!.Value;
            FtsSchema.SetGeneration(c, tx, generation);
            FtsSchema.Drop(c, tx, old);
            tx.Commit();
            _committed = true;
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            if (_committed)
                return ValueTask.CompletedTask;
            using var c = index.Open();
            using var tx = c.BeginTransaction();
            FtsSchema.Drop(c, tx, generation);
            tx.Commit();
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>How the FTS engine counts facets.</summary>
public enum FtsFacetPass
{
    /// <summary>Over each match's facet value numbers, in one pass (the default).</summary>
    Numbers,
    /// <summary>Grouped in SQL over the matches' document rows: slower, kept as the reference.</summary>
    Sql,
}
