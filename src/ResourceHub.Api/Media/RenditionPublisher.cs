using Microsoft.EntityFrameworkCore;
using ResourceHub.Api.Resources;
using ResourceHub.Blobs;
using ResourceHub.Data;
using ResourceHub.Data.Outbox;
using ResourceHub.Domain.Jobs;
using ResourceHub.Domain.Renditions;
using ResourceHub.Domain.Resources;
using ResourceHub.Media.Pipeline;

namespace ResourceHub.Api.Media;

/// <summary>
/// Last step: uploads a job's outputs under resources/{id}/renditions/{set}/ and swaps the
/// resource's rendition set in one transaction with the job's success, so readers see the old set
/// or the new one, never a mix. The new set is reserved in blob_cleanups before its first upload (a worker
/// killed mid-publish leaves nothing behind for long) and the old set is queued for cleanup by the swap.
/// </summary>
public sealed class RenditionPublisher(ResourceHubDbContext db, IBlobStore blobs, MediaJobQueue queue, PendingBlobs pending, TimeProvider clock)
{
    /// <remarks>Outputs go to a fresh folder per publish, not per job: a worker that lost its lease and the
    /// one that took over must never write into (or clean up) each other's files.</remarks>
    /// <returns>False when the job was no longer this worker's (file replaced); nothing is kept then.</returns>
    public async Task<bool> PublishAsync(MediaJob job, string owner, ProcessedMedia media, CancellationToken ct)
    {
        var prefix = ResourceBlobKeys.RenditionSet(job.ResourceId);
        var reservation = await pending.ReserveAsync(prefix, isPrefix: true, ct);
        try
        {
            var rows = new List<Rendition>();
            foreach (var output in media.Outputs)
                rows.Add(await UploadAsync(job.ResourceId, prefix, media.OutputDirectory, output, ct));

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (!await queue.CompleteAsync(job.Id, owner, media.Note, ct))
            {
                await tx.RollbackAsync(ct);
                await AbandonAsync(prefix, reservation);
                return false;
            }
            pending.Keep(reservation);
            var old = await db.Renditions.Where(r => r.ResourceId == job.ResourceId).ToListAsync(ct);
            db.Renditions.RemoveRange(old);
            // Deletes first: the (resource, kind) unique index would reject the new rows otherwise. The old
            // set's blobs are queued (BlobCleanupRecorder): a player may still be streaming them.
            await db.SaveChangesAsync(ct);
            db.Renditions.AddRange(rows);
            await db.SaveChangesAsync(ct);
            // Derived data, so the resource's Version (its ETag) stays: editors' If-Match keeps working.
            await db.Resources.Where(r => r.Id == job.ResourceId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.DurationSeconds, media.DurationSeconds), ct);
            await ReplaceTextAsync(job.ResourceId, media.Text, ct);
            await tx.CommitAsync(ct);
        }
        catch
        {
            await AbandonAsync(prefix, reservation);
            throw;
        }
        return true;
    }

    /// <summary>The text of the file just processed replaces the previous file's (none for a video); the index is told in the same transaction.</summary>
    private async Task ReplaceTextAsync(Guid resourceId, string? text, CancellationToken ct)
    {
        var removed = await db.ResourceTexts.Where(t => t.ResourceId == resourceId).ExecuteDeleteAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (!string.IsNullOrEmpty(text))
            db.ResourceTexts.Add(new ResourceText { ResourceId = resourceId, Text = text, ExtractedAt = now });
        else if (removed == 0)
            return;
        db.SearchOutbox.Add(new SearchOutboxEntry { ResourceId = resourceId, CreatedAt = now });
        await db.SaveChangesAsync(ct);
    }

    private async Task AbandonAsync(string prefix, BlobCleanup reservation)
    {
        await pending.AbandonAsync(reservation);
        await blobs.DeletePrefixAsync(prefix, CancellationToken.None);
    }

    private async Task<Rendition> UploadAsync(Guid resourceId, string prefix, string outputDir, RenditionOutput output, CancellationToken ct)
    {
        foreach (var file in output.Files)
        {
            await using var content = File.OpenRead(Path.Combine(outputDir, file.RelativePath));
            await blobs.PutAsync(prefix + file.RelativePath, content, file.ContentType, ct);
        }
        return new Rendition
        {
            Id = Guid.NewGuid(),
            ResourceId = resourceId,
            Kind = output.KindKey,
            Width = output.Width,
            Height = output.Height,
            BitRate = output.BitRate,
            DurationSeconds = output.Duration?.TotalSeconds,
            PageCount = output.PageCount,
            PreviewPages = output.Kind == RenditionKind.Preview ? output.Files.Count : null,
            Size = output.SizeBytes,
            ContentType = output.ContentType,
            BlobKey = prefix + output.RelativePath,
            BlobPrefix = prefix,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
    }
}
