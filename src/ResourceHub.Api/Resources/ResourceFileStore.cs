using ResourceHub.Api.Media;
using ResourceHub.Blobs;
using ResourceHub.Data;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Api.Resources;

/// <summary>
/// Stores a resource's files and records their facts: the one path every upload takes (API PUT, demo
/// data), so follow-up work (media jobs) is started in one place. The caller saves the DbContext: the
/// media job is enqueued in that same SaveChanges, so a file never goes live without its job (or the
/// job without the file).
/// </summary>
public sealed class ResourceFileStore(IBlobStore blobs, ResourceHubDbContext db, JobOptions jobs, TimeProvider clock) : IMediaStarter
{
    /// <summary>Replaces the file of an item that is not live yet, in place.</summary>
    public async Task StoreAsync(Resource resource, Stream content, string fileName, string contentType, CancellationToken ct)
    {
        resource.File = await WriteAsync(ResourceBlobKeys.Original(resource.Id), content, fileName, contentType, ct);
        resource.UpdatedAt = DateTime.UtcNow;
        await StartMediaAsync(resource.Id, ct);
    }

    /// <summary>Stores a live item's new file beside the live one, for its pending revision to carry through review.</summary>
    public Task<ResourceFile> StageAsync(Guid id, Stream content, string fileName, string contentType, CancellationToken ct) =>
        WriteAsync(ResourceBlobKeys.Revision(id), content, fileName, contentType, ct);

    /// <summary>Queues the media work for the resource's live file (a new upload, or a revision's file that passed review).</summary>
    public Task StartMediaAsync(Guid id, CancellationToken ct) =>
        MediaJobQueue.EnqueueAsync(db, id, jobs, clock.GetUtcNow().UtcDateTime, ct);

    private async Task<ResourceFile> WriteAsync(string key, Stream content, string fileName, string contentType, CancellationToken ct)
    {
        var written = await blobs.PutAsync(key, content, contentType, ct);
        return new ResourceFile
        {
            FileName = UploadFileName.Clean(fileName),
            ContentType = contentType,
            Size = written.Length,
            Sha256 = written.Sha256,
            BlobKey = written.Key,
            UploadedAt = DateTime.UtcNow,
        };
    }
}
