namespace ResourceHub.Domain.Renditions;

/// <summary>
/// A derived file of a resource (720p MP4, HLS ladder, poster, thumbnail, PDF preview). A resource
/// has at most one set; a re-run replaces the whole set in one transaction.
/// </summary>
public class Rendition
{
    public Guid Id { get; set; }
    public Guid ResourceId { get; set; }
    /// <summary>mp4-720p, hls, poster, thumbnail, preview.</summary>
    public string Kind { get; set; } = "";
    public int Width { get; set; }
    public int Height { get; set; }
    /// <summary>Bits per second; null for images.</summary>
    public long? BitRate { get; set; }
    public double? DurationSeconds { get; set; }
    /// <summary>Preview: pages of the whole document (PDF or converted Office file); null for other kinds or when unknown.</summary>
    public int? PageCount { get; set; }
    /// <summary>Preview: how many page images the set holds (the first pages, in order); null for other kinds.</summary>
    public int? PreviewPages { get; set; }
    /// <summary>All files of the rendition together (HLS: playlists and segments).</summary>
    public long Size { get; set; }
    public string ContentType { get; set; } = "";
    /// <summary>The entry file (MP4, master playlist, image); other HLS files sit beside it.</summary>
    public string BlobKey { get; set; } = "";
    /// <summary>Where this set's blobs live, deleted when the set is replaced.</summary>
    public string BlobPrefix { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
