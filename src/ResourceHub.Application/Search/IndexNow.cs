using Microsoft.Extensions.Logging;
using ResourceHub.Indexing;
using ResourceHub.Indexing.Pipeline;

namespace ResourceHub.Application.Search;

/// <summary>
/// Brings the index up to date for items whose visibility just changed (a decision, retirement, transfer,
/// deletion) before the request that changed them answers. Counts, facets and suggestions are answered from
/// the index alone while result rows are re-checked against the database; without this they would disagree
/// until the background indexer caught up (~0.5 s). The outbox row written with the change stays: the indexer
/// applies it again (idempotently), and it is what catches up if this attempt fails.
/// </summary>
public sealed class IndexNow(ISearchIndex index, DocumentSync sync, ILogger<IndexNow> logger)
{
    public async Task ApplyAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        try
        {
            var result = await sync.SyncAsync(index, ids, ct);
            if (!result.AllSucceeded)
                logger.LogWarning("Index update for {Count} changed item(s) failed; the outbox will retry", ids.Count);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Index update for {Count} changed item(s) failed; the outbox will retry", ids.Count);
        }
    }
}
