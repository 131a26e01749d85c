using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Data.Outbox;
using ResourceHub.Domain.Curation;

namespace ResourceHub.Application.Curation;

/// <summary>
/// Counts completed downloads (popularity, kept apart from quality). The download path
/// (GET Resources(id)/$value) calls <see cref="CountAsync"/> once per download; each is also appended to usage_events.
/// The same increment marks the row for the search index's next stats refresh (no outbox row per download).
/// </summary>
public sealed class DownloadCounter(ResourceHubDbContext db)
{
    /// <summary>
    /// One SQL increment, so concurrent downloads are never lost; creates the stats row on the first. The event and the
    /// count commit together: a failure between them would leave the downloads-over-time chart and the total disagreeing.
    /// </summary>
    public async Task CountAsync(Guid resourceId, CancellationToken ct)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await RecordAsync(resourceId, ct);
        if (await IncrementAsync(resourceId, ct) == 0)
            await CreateStatsAsync(resourceId, ct);
        if (transaction is not null)
            await transaction.CommitAsync(ct);
    }

    private async Task CreateStatsAsync(Guid resourceId, CancellationToken ct)
    {
        var stats = new ResourceStats { ResourceId = resourceId, Downloads = 1, UpdatedAt = DateTime.UtcNow };
        db.Add(stats);
        try
        {
            await db.SaveChangesAsync(ct); // inside the transaction EF saves behind a savepoint, so a conflict leaves it usable
        }
        catch (DbUpdateException)
        {
            // Another first download created the row meanwhile: count on it instead.
            db.Entry(stats).State = EntityState.Detached;
            await IncrementAsync(resourceId, ct);
        }
    }

    /// <summary>The download's time, for downloads over time (an insert: appending never conflicts).</summary>
    private async Task RecordAsync(Guid resourceId, CancellationToken ct)
    {
        var row = new UsageEvent { ResourceId = resourceId, Kind = UsageEvent.Download, At = DateTime.UtcNow };
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }

    private Task<int> IncrementAsync(Guid resourceId, CancellationToken ct) =>
        db.Set<ResourceStats>().Where(s => s.ResourceId == resourceId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Downloads, x => x.Downloads + 1)
                .SetProperty(x => EF.Property<int>(x, SearchStatsMarks.Property), SearchStatsMarks.Changed), ct);
}
