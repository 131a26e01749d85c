using ResourceHub.Api.Media;
using ResourceHub.Blobs;
using ResourceHub.Data;
using ResourceHub.Domain.Jobs;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Api.Resources;

/// <summary>
/// Stores a resource's files and records their facts: the one path every upload takes (API PUT, demo
/// data), so follow-up work (media jobs) is started in one place. Every upload gets a fresh key, and the
/// caller's SaveChanges — which checks the row's version — is what switches the row to it: a losing or
/// refused upload changes nothing a reader sees. The media job is enqueued in that same save, so a file
/// never goes live without its job (or the job without the file).
/// </summary>
public sealed class ResourceFileStore(IBlobStore blobs, ResourceHubDbContext db, PendingBlobs pending, JobOptions jobs, TimeProvider clock) : IMediaStarter, IResourceFiles
{
    /// <summary>Replaces the file of an item that is not live yet; the replaced blob is queued for cleanup by that save.</summary>
    public async Task<StoredUpload> StoreAsync(Resource resource, Stream content, string fileName, string contentType, CancellationToken ct)
    {
        var upload = await WriteAsync(ResourceBlobKeys.Upload(resource.Id), content, fileName, contentType, ct);
        resource.File = upload.File;
        resource.UpdatedAt = DateTime.UtcNow;
        await StartMediaAsync(resource.Id, ct);
        return upload;
    }

    /// <summary>Stores a live item's new file beside the live one, for its pending revision to carry through review.</summary>
    public Task<StoredUpload> StageAsync(Guid id, Stream content, string fileName, string contentType, CancellationToken ct) =>
        WriteAsync(ResourceBlobKeys.Revision(id), content, fileName, contentType, ct);

    /// <summary>The save that would have made the upload live failed: its blob is swept after the grace period.</summary>
    public Task AbandonAsync(StoredUpload upload) => pending.AbandonAsync(upload.Reservation);

    /// <summary>Queues the media work for the resource's live file (a new upload, or a revision's file that passed review).</summary>
    public Task StartMediaAsync(Guid id, CancellationToken ct) =>
        MediaJobQueue.EnqueueAsync(db, id, jobs, clock.GetUtcNow().UtcDateTime, ct);

    private async Task<StoredUpload> WriteAsync(string key, Stream content, string fileName, string contentType, CancellationToken ct)
    {
        var reservation = await pending.ReserveAsync(key, isPrefix: false, ct);
        BlobWriteResult written;
        try
        {
            written = await blobs.PutAsync(key, content, contentType, ct);
        }
        catch
        {
            await pending.AbandonAsync(reservation);
            throw;
        }
        pending.Keep(reservation);
        return new StoredUpload(new ResourceFile
        {
            FileName = UploadFileName.Clean(fileName),
            ContentType = contentType,
            Size = written.Length,
            Sha256 = written.Sha256,
            BlobKey = written.Key,
            UploadedAt = DateTime.UtcNow,
        }, reservation);
    }
}
