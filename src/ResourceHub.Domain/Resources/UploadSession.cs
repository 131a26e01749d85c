namespace ResourceHub.Domain.Resources;

/// <summary>
/// A resumable upload of an item's file, sent in parts (tus). The row is the durable record: its parts
/// live under <see cref="ResourceBlobKeys.UploadParts"/> until the upload completes, is cancelled or
/// expires, and deleting the row queues that folder for cleanup in the same save.
/// </summary>
public class UploadSession
{
    public Guid Id { get; set; }
    public Guid ResourceId { get; set; }
    /// <summary>Only the user who started the upload may continue it.</summary>
    public string UserId { get; set; } = "";
    /// <summary>The declared total size in bytes.</summary>
    public long Length { get; set; }
    /// <summary>Bytes received so far; also the concurrency token, so two parts at one offset cannot both count.</summary>
    public long Offset { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    /// <summary>Pushed forward by every part; past it the session is abandoned and swept.</summary>
    public DateTime ExpiresAt { get; set; }
    public List<UploadPart> Parts { get; set; } = [];
}

/// <summary>One received part: <see cref="Length"/> bytes from <see cref="Offset"/>, stored as its own blob.</summary>
public class UploadPart
{
    public Guid SessionId { get; set; }
    public long Offset { get; set; }
    public long Length { get; set; }
    public string BlobKey { get; set; } = "";
}
