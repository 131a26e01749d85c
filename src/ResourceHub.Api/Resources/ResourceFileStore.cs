using ResourceHub.Api.Media;
using ResourceHub.Blobs;
using ResourceHub.Data;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Api.Resources;

/// <summary>
/// Stores a resource's original file and records its facts on the entity: the one path every
/// upload takes (API PUT, demo data), so follow-up work (media jobs) is started in one place.
/// The caller saves the DbContext: the media job is enqueued in that same SaveChanges, so an upload
/// is never recorded without its job (or the job without the upload).
/// </summary>
public sealed class ResourceFileStore(IBlobStore blobs, ResourceHubDbContext db, JobOptions jobs, TimeProvider clock)
{
    public static string OriginalKey(Guid id) => $"resources/{id:D}/original";

    public async Task StoreAsync(Resource resource, Stream content, string fileName, string contentType, CancellationToken ct)
    {
        var written = await blobs.PutAsync(OriginalKey(resource.Id), content, contentType, ct);
        resource.File = new ResourceFile
        {
            FileName = UploadFileName.Clean(fileName),
            ContentType = contentType,
            Size = written.Length,
            Sha256 = written.Sha256,
            BlobKey = written.Key,
            UploadedAt = DateTime.UtcNow,
        };
        resource.UpdatedAt = DateTime.UtcNow;
        await MediaJobQueue.EnqueueAsync(db, resource.Id, jobs, clock.GetUtcNow().UtcDateTime, ct);
    }
}
