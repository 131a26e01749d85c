using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;

namespace ResourceHub.Indexing.Pipeline;

/// <summary>Result of one drain step: rows applied, or why the batch stays pending.</summary>
public sealed record DrainResult(int Applied, bool MorePending, string? Failure = null);

/// <summary>
/// Applies the oldest pending outbox rows to the index. Rows are marked processed only when every
/// item of every bulk call succeeded; otherwise the whole batch stays pending and is retried.
/// </summary>
public sealed class OutboxDrainer(ResourceHubDbContext db, DocumentSync sync, ISearchIndex index, IndexerOptions options)
{
    public async Task<DrainResult> DrainOnceAsync(CancellationToken ct)
    {
        var rows = await db.SearchOutbox.AsNoTracking()
            .Where(e => e.ProcessedAt == null)
            .OrderBy(e => e.Id)
            .Take(options.BatchSize)
            .Select(e => new { e.Id, e.ResourceId })
            .ToListAsync(ct);
        if (rows.Count == 0)
            return new DrainResult(0, false);

        var result = await sync.SyncAsync(index, rows.Select(r => r.ResourceId).Distinct().ToList(), ct);
        if (!result.AllSucceeded)
        {
            var first = result.Failures[0];
            return new DrainResult(0, true,
                $"{result.Failures.Count} of {result.Succeeded + result.Failures.Count} index writes failed (first: {first.Id} {first.Status} {first.Reason})");
        }

        var ids = rows.Select(r => r.Id).ToList();
        var now = DateTime.UtcNow;
        await db.SearchOutbox.Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.ProcessedAt, now), ct);
        return new DrainResult(rows.Count, rows.Count == options.BatchSize);
    }

    /// <summary>Forgets processed rows older than the retention window.</summary>
    public Task<int> PruneAsync(CancellationToken ct)
    {
        var cutoff = DateTime.UtcNow.AddHours(-options.RetentionHours);
        return db.SearchOutbox.Where(e => e.ProcessedAt != null && e.ProcessedAt < cutoff).ExecuteDeleteAsync(ct);
    }

    public Task<int> PendingAsync(CancellationToken ct) => db.SearchOutbox.CountAsync(e => e.ProcessedAt == null, ct);
}
