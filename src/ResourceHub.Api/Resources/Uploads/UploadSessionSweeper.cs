using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Api.Resources.Uploads;

/// <summary>
/// Deletes upload sessions nobody continued before they expired. Deleting the row queues its parts'
/// folder in blob_cleanups in the same save (BlobCleanupRecorder), so the parts go the ordinary durable way.
/// Runs inside the blob cleaner's pass, under its lease.
/// </summary>
public static class UploadSessionSweeper
{
    public static async Task<int> SweepAsync(ResourceHubDbContext db, DateTime now, int batchSize, CancellationToken ct)
    {
        var expired = await db.Set<UploadSession>().Where(s => s.ExpiresAt < now).OrderBy(s => s.ExpiresAt).Take(batchSize).ToListAsync(ct);
        if (expired.Count == 0)
            return 0;
        db.RemoveRange(expired);
        await db.SaveChangesAsync(ct);
        return expired.Count;
    }
}
