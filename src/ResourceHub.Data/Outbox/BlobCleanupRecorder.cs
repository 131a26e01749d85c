using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ResourceHub.Domain.Jobs;
using ResourceHub.Domain.Renditions;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Data.Outbox;

/// <summary>
/// Adds a <see cref="BlobCleanup"/> row for every blob the unit of work being saved stops referring to:
/// a deleted resource's whole folder, a file replaced under a new key (a revision's file going live),
/// a dropped revision's staged file, a rendition set another one replaced, the parts of a finished or abandoned upload. Called from SaveChanges, like the search outbox, so no code path
/// that orphans a blob can forget it.
/// </summary>
internal static class BlobCleanupRecorder
{
    public static void Record(ChangeTracker tracker)
    {
        var files = tracker.Entries<ResourceFile>().ToList();
        // A key another file entry still holds (in-place re-upload, a revision's file moving to the resource) is not orphaned.
        var live = files.Where(f => f.State != EntityState.Deleted).Select(f => f.Entity.BlobKey).ToHashSet();
        var orphaned = files
            .Where(f => f.State is EntityState.Deleted or EntityState.Modified)
            .Select(f => (string?)f.Property(x => x.BlobKey).OriginalValue)
            .Where(key => !string.IsNullOrEmpty(key) && !live.Contains(key))
            .Select(key => new BlobCleanup { Key = key!, IsPrefix = false })
            .Concat(ReplacedRenditionSets(tracker))
            .Concat(tracker.Entries<Resource>().Where(r => r.State == EntityState.Deleted)
                .Select(r => new BlobCleanup { Key = ResourceBlobKeys.Folder(r.Entity.Id), IsPrefix = true }))
            .Concat(tracker.Entries<UploadSession>().Where(s => s.State == EntityState.Deleted)
                .Select(s => new BlobCleanup { Key = ResourceBlobKeys.UploadParts(s.Entity.ResourceId, s.Entity.Id), IsPrefix = true }))
            .DistinctBy(c => (c.Key, c.IsPrefix))
            .ToList();
        var now = DateTime.UtcNow;
        foreach (var cleanup in orphaned)
        {
            cleanup.CreatedAt = cleanup.NotBefore = now;
            tracker.Context.Set<BlobCleanup>().Add(cleanup);
        }
    }

    private static IEnumerable<BlobCleanup> ReplacedRenditionSets(ChangeTracker tracker)
    {
        var renditions = tracker.Entries<Rendition>().ToList();
        var kept = renditions.Where(r => r.State != EntityState.Deleted).Select(r => r.Entity.BlobPrefix).ToHashSet();
        return renditions
            .Where(r => r.State == EntityState.Deleted && !string.IsNullOrEmpty(r.Entity.BlobPrefix) && !kept.Contains(r.Entity.BlobPrefix))
            .Select(r => new BlobCleanup { Key = r.Entity.BlobPrefix, IsPrefix = true });
    }
}
