using ResourceHub.Domain.Jobs;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Application.Resources;

/// <summary>An upload written under its own key, waiting for the save that makes it live (or <see cref="IResourceFiles.AbandonAsync"/>).</summary>
public sealed record StoredUpload(ResourceFile File, BlobCleanup Reservation);

/// <summary>The port to where an item's files are kept (the host's blob store); the save that switches the row is the use case's.</summary>
public interface IResourceFiles
{
    /// <summary>Replaces the file of an item that is not live yet and queues its media work with the same save.</summary>
    Task<StoredUpload> StoreAsync(Resource resource, Stream content, string fileName, string contentType, CancellationToken ct);

    /// <summary>Stores a live item's new file beside the live one, for its pending revision to carry through review.</summary>
    Task<StoredUpload> StageAsync(Guid id, Stream content, string fileName, string contentType, CancellationToken ct);

    /// <summary>The save that would have made the upload live failed: its blob is swept after the grace period.</summary>
    Task AbandonAsync(StoredUpload upload);
}
