using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Domain.Jobs;

namespace ResourceHub.Api.Resources;

/// <summary>
/// Blobs written before the row that will refer to them commits (an uploaded file, a rendition set).
/// Each is queued in blob_cleanups before its first byte is written, due only after the upload window,
/// so a crash, a lost race or a failed save leaves nothing behind for long. The save that makes the blob
/// live removes that row in the same transaction; the cleaner never deletes a key a row refers to anyway.
/// </summary>
public sealed class PendingBlobs(ResourceHubDbContext db, BlobCleanupOptions options, TimeProvider clock)
{
    /// <summary>Writes the reservation at once: call it before the context holds other changes.</summary>
    public async Task<BlobCleanup> ReserveAsync(string key, bool isPrefix, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var row = new BlobCleanup { Key = key, IsPrefix = isPrefix, CreatedAt = now, NotBefore = now.AddSeconds(options.UploadWindowSeconds) };
        db.BlobCleanups.Add(row);
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>Stages the reservation's removal for the caller's save that makes the blob live.</summary>
    public void Keep(BlobCleanup reservation) => db.BlobCleanups.Remove(reservation);

    /// <summary>The blob will never go live (lost race, failed write): it becomes due after the ordinary grace period.</summary>
    public async Task AbandonAsync(BlobCleanup reservation)
    {
        db.Entry(reservation).State = EntityState.Detached;
        var now = clock.GetUtcNow().UtcDateTime;
        // Not the request's token: a client that hung up must still not leave the blob for the whole window.
        await db.BlobCleanups.Where(c => c.Id == reservation.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.NotBefore, now), CancellationToken.None);
    }
}
