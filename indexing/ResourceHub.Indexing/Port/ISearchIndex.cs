using ResourceHub.Indexing.Documents;
using ResourceHub.Query.Model;

namespace ResourceHub.Indexing;

/// <summary>
/// The search port. Adapters: <see cref="Fts.FtsSearchIndex"/> (embedded SQLite FTS5) and
/// <see cref="Elastic.ElasticSearchIndex"/> (production). Both pass the same conformance suite.
/// </summary>
public interface ISearchIndex
{
    /// <summary>"fts" or "elasticsearch", for health output and logs.</summary>
    string Engine { get; }

    /// <summary>Creates the index if missing. Idempotent.</summary>
    Task EnsureCreatedAsync(CancellationToken ct = default);

    /// <summary>True when the index cannot serve until it is rebuilt from the database (an index written in an older layout).</summary>
    Task<bool> NeedsRebuildAsync(CancellationToken ct = default);

    /// <summary>Inserts or replaces documents by id. Check the result: items may fail individually.</summary>
    Task<BulkResult> UpsertAsync(IReadOnlyList<SearchDocument> documents, CancellationToken ct = default);

    /// <summary>Removes documents by id; ids not in the index count as success.</summary>
    Task<BulkResult> DeleteAsync(IReadOnlyList<Guid> ids, CancellationToken ct = default);

    Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken ct = default);

    /// <summary>Number of visible documents matching the query (text and filter), ignoring paging.</summary>
    Task<long> CountAsync(SearchRequest request, CancellationToken ct = default);

    /// <summary>
    /// The groups of an $apply over the visible matches (the same text as <see cref="CountAsync"/>: corrected, relaxed
    /// when it finds nothing), computed by the engine itself: no id list, no cap on the number of matches. Null when the
    /// engine cannot express the shape (<see cref="SearchAggregates.Unservable"/>, or a filter step it cannot render):
    /// the caller then groups elsewhere.
    /// </summary>
    Task<ApplyResult?> AggregateAsync(AggregateRequest request, CancellationToken ct = default);

    /// <summary>Titles starting with or containing the prefix (Chinese included), best first.</summary>
    Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestRequest request, CancellationToken ct = default);

    /// <summary>A fresh, empty index that replaces the live one atomically on commit.</summary>
    Task<IIndexRebuild> BeginRebuildAsync(CancellationToken ct = default);

    /// <summary>Throws <see cref="SearchUnavailableException"/> when the engine cannot serve queries.</summary>
    Task<string> CheckAsync(CancellationToken ct = default);
}

/// <summary>A rebuild in progress: fill it, then commit (swap) or dispose (abandon).</summary>
public interface IIndexRebuild : IAsyncDisposable
{
    /// <summary>The new index's name, for progress output.</summary>
    string Target { get; }
    Task<BulkResult> UpsertAsync(IReadOnlyList<SearchDocument> documents, CancellationToken ct = default);
    /// <summary>Makes the new index the live one in one atomic step and drops the old one.</summary>
    Task CommitAsync(CancellationToken ct = default);
}
