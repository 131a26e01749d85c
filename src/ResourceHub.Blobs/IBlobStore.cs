namespace ResourceHub.Blobs;

/// <summary>
/// The blob-storage port: stores opaque byte streams under slash-separated keys
/// such as <c>resources/{guid}/original</c>. Keys are validated by <see cref="BlobKey"/>.
/// </summary>
public interface IBlobStore
{
    /// <summary>
    /// Streams <paramref name="content"/> into <paramref name="key"/>, replacing any existing blob atomically.
    /// Throws <see cref="BlobTooLargeException"/> as soon as more than <see cref="BlobStoreLimits.MaxBytes"/>
    /// bytes arrive; on that or any other failure nothing new is left behind and an existing blob is kept.
    /// </summary>
    Task<BlobWriteResult> PutAsync(string key, Stream content, string contentType, CancellationToken ct = default);

    /// <summary>Metadata of the blob, or null when it does not exist.</summary>
    Task<BlobInfo?> StatAsync(string key, CancellationToken ct = default);

    /// <summary>
    /// Opens the blob (or the given range of it) for reading; null when it does not exist.
    /// Throws <see cref="BlobRangeNotSatisfiableException"/> when <paramref name="range"/> lies outside the blob.
    /// The caller disposes the result.
    /// </summary>
    Task<BlobReadResult?> OpenReadAsync(string key, ByteRange? range = null, CancellationToken ct = default);

    /// <summary>Deletes the blob; deleting a missing blob is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken ct = default);

    /// <summary>Deletes every blob whose key starts with <paramref name="prefix"/> (plain string prefix, as in S3).</summary>
    Task DeletePrefixAsync(string prefix, CancellationToken ct = default);

    /// <summary>Lists the blobs whose key starts with <paramref name="prefix"/>, in no particular order.</summary>
    IAsyncEnumerable<BlobListItem> ListAsync(string prefix, CancellationToken ct = default);

    /// <summary>
    /// Removes what uploads that never finished left behind (a process killed mid-upload): temporary files of
    /// the local store, incomplete multipart uploads in S3, that have received no bytes since
    /// <paramref name="idleSince"/>. Blobs themselves are never touched. Returns how many were removed.
    /// </summary>
    Task<int> SweepAbandonedUploadsAsync(DateTimeOffset idleSince, CancellationToken ct = default);

    /// <summary>True when the store can serve requests (for readiness health checks); never throws.</summary>
    Task<bool> IsReadyAsync(CancellationToken ct = default);
}
