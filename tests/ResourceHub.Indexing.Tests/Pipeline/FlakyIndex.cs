namespace ResourceHub.Indexing.Tests.Pipeline;

/// <summary>An engine that can be switched off: every call fails while Down, as a stopped cluster would.</summary>
public sealed class FlakyIndex(ISearchIndex inner) : ISearchIndex
{
    public volatile bool Down;
    public int FailedCalls;

    public string Engine => inner.Engine;

    private T Guard<T>(Func<T> call)
    {
        if (!Down)
            return call();
        Interlocked.Increment(ref FailedCalls);
        throw new SearchUnavailableException("index is down (test)");
    }

    public Task EnsureCreatedAsync(CancellationToken ct = default) => Guard(() => inner.EnsureCreatedAsync(ct));
    public Task<bool> NeedsRebuildAsync(CancellationToken ct = default) => Guard(() => inner.NeedsRebuildAsync(ct));
    public Task<BulkResult> UpsertAsync(IReadOnlyList<Documents.SearchDocument> documents, CancellationToken ct = default) => Guard(() => inner.UpsertAsync(documents, ct));
    public Task<BulkResult> DeleteAsync(IReadOnlyList<Guid> ids, CancellationToken ct = default) => Guard(() => inner.DeleteAsync(ids, ct));
    public Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken ct = default) => Guard(() => inner.SearchAsync(request, ct));
    public Task<long> CountAsync(SearchRequest request, CancellationToken ct = default) => Guard(() => inner.CountAsync(request, ct));
    public Task<Query.Model.ApplyResult?> AggregateAsync(AggregateRequest request, CancellationToken ct = default) => Guard(() => inner.AggregateAsync(request, ct));
    public Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestRequest request, CancellationToken ct = default) => Guard(() => inner.SuggestAsync(request, ct));
    public Task<IIndexRebuild> BeginRebuildAsync(CancellationToken ct = default) => Guard(() => inner.BeginRebuildAsync(ct));
    public Task<string> CheckAsync(CancellationToken ct = default) => Guard(() => inner.CheckAsync(ct));
}
