namespace ResourceHub.Domain.Resources;

/// <summary>Facts about the uploaded original, computed while it streamed into the blob store.</summary>
public class ResourceFile
{
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public string BlobKey { get; set; } = "";
    public DateTime UploadedAt { get; set; }
}
