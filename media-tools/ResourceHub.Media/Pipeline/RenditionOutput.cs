namespace ResourceHub.Media.Pipeline;

public enum RenditionKind
{
    Mp4720p,
    Hls,
    Poster,
    Thumbnail,
    Preview,
}

public static class RenditionKindNames
{
    /// <summary>Stable name for storage and APIs: mp4-720p, hls, poster, thumbnail, preview.</summary>
    public static string Key(this RenditionKind kind) => kind switch
    {
        RenditionKind.Mp4720p => "mp4-720p",
        RenditionKind.Hls => "hls",
        RenditionKind.Poster => "poster",
        RenditionKind.Thumbnail => "thumbnail",
        RenditionKind.Preview => "preview",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>One file of a rendition, relative to the job's output directory ('/' separated).</summary>
public sealed record RenditionFile(string RelativePath, string ContentType, long SizeBytes);

/// <summary>
/// A verified output. <see cref="Files"/>[0] is the entry point (the MP4, the HLS master playlist, the image).
/// Width/Height are the largest variant's; BitRate is bits per second (HLS: the top rung's peak segment rate).
/// A preview's files are its page images in page order; <see cref="PageCount"/> is the whole document's (null if unknown).
/// </summary>
public sealed record RenditionOutput(
    RenditionKind Kind,
    IReadOnlyList<RenditionFile> Files,
    int Width,
    int Height,
    long? BitRate,
    TimeSpan? Duration,
    int? PageCount = null)
{
    public string KindKey => Kind.Key();
    public string RelativePath => Files[0].RelativePath;
    public string ContentType => Files[0].ContentType;
    public long SizeBytes => Files.Sum(f => f.SizeBytes);
}

/// <summary>Everything made from one video upload.</summary>
public sealed record VideoJobResult(Probing.MediaProbe Source, IReadOnlyList<RenditionOutput> Outputs);

/// <summary>PDF preview: made, or not possible on this host (no pdftoppm) — the latter is not an error.</summary>
public abstract record PdfPreviewOutcome
{
    public sealed record Created(RenditionOutput Output) : PdfPreviewOutcome;
    public sealed record Unavailable(string Reason) : PdfPreviewOutcome;
}

public static class ContentTypes
{
    public const string Mp4 = "video/mp4";
    public const string HlsPlaylist = "application/vnd.apple.mpegurl";
    public const string MpegTs = "video/mp2t";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
}
