using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ResourceHub.Data;

/// <summary>
/// Bumps the "Version" concurrency token of every added or modified entity that has one, so
/// ETags change on each write and a stale If-Match loses with a concurrency error.
/// </summary>
internal static class VersionStamp
{
    public const string Property = "Version";

    public static void Apply(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
                continue;
            if (entry.Metadata.FindProperty(Property) is not { ClrType: var t } || t != typeof(long))
                continue;
            var version = entry.Property(Property);
            version.CurrentValue = (long)(version.OriginalValue ?? 0L) + 1;
        }
    }
}
