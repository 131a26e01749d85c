namespace ResourceHub.Blobs;

/// <summary>Outcome of a successful <see cref="IBlobStore.PutAsync"/>.</summary>
/// <param name="Sha256">Lowercase hex SHA-256 of the stored bytes.</param>
public sealed record BlobWriteResult(string Key, long Length, string Sha256, string ContentType, string ETag);

/// <summary>Metadata of a stored blob. <paramref name="ETag"/> is a quoted, opaque version tag.</summary>
public sealed record BlobInfo(string Key, long Length, string ContentType, DateTimeOffset LastModified, string ETag);

/// <summary>
/// One entry of <see cref="IBlobStore.ListAsync"/>. It has no content type because S3 listings
/// do not carry one; use <see cref="IBlobStore.StatAsync"/> when it is needed.
/// </summary>
public sealed record BlobListItem(string Key, long Length, DateTimeOffset LastModified, string ETag);
