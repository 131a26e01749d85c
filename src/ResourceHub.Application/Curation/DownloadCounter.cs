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
    /// <summary>One SQL increment, so concurrent downloads are never lost; creates the stats row on the first.</summary>
    public async Task CountAsync(Guid resourceId, CancellationToken ct)
    {
        await RecordAsync(resourceId, ct);
        if (await IncrementAsync(resourceId, ct) > 0)
            return;
        var stats = new ResourceStats { ResourceId = resourceId, Downloads = 1, UpdatedAt = DateTime.UtcNow };
        db.Add(stats);
        try
        {
            await db.SaveChangesAsync(ct);
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
