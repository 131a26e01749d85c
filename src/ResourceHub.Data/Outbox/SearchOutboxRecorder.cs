using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Data.Outbox;

/// <summary>
/// Adds one outbox row per added, modified or deleted <see cref="Resource"/> to the unit of work being
/// saved. Called from SaveChanges, so every module that changes resources (CRUD, curation, imports)
/// feeds the search index without knowing it exists. Owned parts (the file) count as the resource; its stats do
/// not (downloads and ratings reach the index through <see cref="SearchStatsMarks"/>).
/// </summary>
internal static class SearchOutboxRecorder
{
    public static void Record(ChangeTracker tracker)
    {
        var changed = tracker.Entries<Resource>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                        || e.References.Any(r => r.Metadata.TargetEntityType.IsOwned()
                                                 && r.TargetEntry is { State: EntityState.Added or EntityState.Modified or EntityState.Deleted }))
            .Select(e => e.Entity.Id)
            .Distinct()
            .ToList();
        if (changed.Count == 0)
            return;
        var now = DateTime.UtcNow;
        var outbox = tracker.Context.Set<SearchOutboxEntry>();
        foreach (var id in changed)
            outbox.Add(new SearchOutboxEntry { ResourceId = id, CreatedAt = now });
    }
}
