using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;

namespace ResourceHub.Indexing.Pipeline;

public sealed record RebuildProgress(int Done, int Total, string Target);

/// <summary>
/// Rebuilds the index from the database into a fresh index, swaps it in atomically, then replays the
/// outbox rows written since the rebuild started (their changes may have gone to the old index).
/// </summary>
public sealed class IndexRebuilder(ResourceHubDbContext db, DocumentSync sync, ISearchIndex index)
{
    public async Task<int> RebuildAsync(IProgress<RebuildProgress>? progress, CancellationToken ct)
    {
        await index.EnsureCreatedAsync(ct);
        var mark = await db.SearchOutbox.MaxAsync(e => (long?)e.Id, ct) ?? 0;
        var ids = await db.Resources.AsNoTracking().Select(r => r.Id).ToListAsync(ct);
        await using var rebuild = await index.BeginRebuildAsync(ct);
        var done = 0;
        foreach (var chunk in ids.Chunk(DocumentSync.ChunkSize))
        {
            var (documents, _) = await sync.LoadAsync(chunk, ct);
            var result = await rebuild.UpsertAsync(documents, ct);
            if (!result.AllSucceeded)
                throw new SearchUnavailableException(
                    $"rebuild of {rebuild.Target} stopped: {result.Failures.Count} documents failed (first: {result.Failures[0].Id} {result.Failures[0].Reason})");
            done += chunk.Length;
            progress?.Report(new RebuildProgress(done, ids.Count, rebuild.Target));
        }
        await rebuild.CommitAsync(ct);

        var since = await db.SearchOutbox.AsNoTracking().Where(e => e.Id > mark).Select(e => e.ResourceId).Distinct().ToListAsync(ct);
        if (since.Count > 0)
        {
            var replay = await sync.SyncAsync(index, since, ct);
            if (!replay.AllSucceeded)
                throw new SearchUnavailableException($"rebuild swapped, but replaying {since.Count} recent changes failed; the indexer will retry pending ones");
        }
        return ids.Count;
    }
}
