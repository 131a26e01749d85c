using ResourceHub.Data;
using ResourceHub.Data.Outbox;

namespace ResourceHub.Indexing.Pipeline;

/// <summary>
/// Brings changed downloads and ratings into the index in batches: claims the marked resource_stats rows
/// (<see cref="SearchStatsMarks"/>), rewrites those documents from the database, then clears the marks nothing
/// changed meanwhile. A failed batch stays claimed and is claimed again by the next refresh.
/// </summary>
public sealed class StatsRefresher(ResourceHubDbContext db, DocumentSync sync, ISearchIndex index, IndexerOptions options)
{
    /// <summary>Refreshes every marked row, batch by batch; returns how many documents were rewritten.</summary>
    public async Task<int> RefreshAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var ids = await SearchStatsMarks.ClaimAsync(db, options.BatchSize, ct);
            if (ids.Count == 0)
                return total;
            var result = await sync.SyncAsync(index, ids, ct);
            if (!result.AllSucceeded)
                throw new SearchUnavailableException(
                    $"stats refresh: {result.Failures.Count} of {ids.Count} index writes failed (first: {result.Failures[0].Id} {result.Failures[0].Reason})");
            await SearchStatsMarks.DoneAsync(db, ids, ct);
            total += ids.Count;
            if (ids.Count < options.BatchSize)
                return total;
        }
    }
}
