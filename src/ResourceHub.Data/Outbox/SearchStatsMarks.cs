using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ResourceHub.Domain.Curation;

namespace ResourceHub.Data.Outbox;

/// <summary>
/// Which resources' downloads and ratings the search index has not picked up yet: a mark on their resource_stats
/// row instead of an outbox row per download, so a busy day rewrites each popular item once per refresh, not once
/// per download. 0 = indexed, <see cref="Changed"/>, <see cref="Indexing"/> = claimed by the refresh under way.
/// </summary>
public static class SearchStatsMarks
{
    /// <summary>The shadow property (and column) on resource_stats.</summary>
    public const string Property = "SearchPending";
    public const int Changed = 1;
    public const int Indexing = 2;

    /// <summary>Every stats row added or changed through SaveChanges (first download, ratings, curation) is marked.</summary>
    internal static void Record(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries<ResourceStats>())
            if (entry.State is EntityState.Added or EntityState.Modified)
                entry.Property(Property).CurrentValue = Changed;
    }

    /// <summary>
    /// Claims up to <paramref name="size"/> marked rows (also those a failed or interrupted refresh left claimed). The
    /// caller reads the figures after this, so a change made meanwhile is either read or marks its row again.
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> ClaimAsync(ResourceHubDbContext db, int size, CancellationToken ct)
    {
        var ids = await db.Set<ResourceStats>().Where(s => EF.Property<int>(s, Property) != 0)
            .OrderBy(s => s.ResourceId).Take(size).Select(s => s.ResourceId).ToListAsync(ct);
        if (ids.Count > 0)
            await db.Set<ResourceStats>().Where(s => ids.Contains(s.ResourceId))
                .ExecuteUpdateAsync(u => u.SetProperty(s => EF.Property<int>(s, Property), Indexing), ct);
        return ids;
    }

    /// <summary>Clears the claimed rows that nothing changed since the claim.</summary>
    public static Task DoneAsync(ResourceHubDbContext db, IReadOnlyList<Guid> ids, CancellationToken ct) =>
        db.Set<ResourceStats>().Where(s => ids.Contains(s.ResourceId) && EF.Property<int>(s, Property) == Indexing)
            .ExecuteUpdateAsync(u => u.SetProperty(s => EF.Property<int>(s, Property), 0), ct);

    public static Task<int> PendingAsync(ResourceHubDbContext db, CancellationToken ct) =>
        db.Set<ResourceStats>().CountAsync(s => EF.Property<int>(s, Property) != 0, ct);
}
