namespace ResourceHub.Media.Commands;

/// <summary>
/// One output quality. Peak = video maxrate + audio: the 2 Mbit/s target line must carry it with headroom.
/// VBV lets a window of one second carry up to maxrate + bufsize in theory, which is why the
/// defaults sit below the 1.4 Mbit/s cap rather than at it (measured, see the bench).
/// </summary>
public sealed record VideoRung(string Name, int ShortSide, int VideoMaxrateKbps, int VideoBufsizeKbps, int AudioKbps)
{
    public int PeakKbps => VideoMaxrateKbps + AudioKbps;
}

/// <summary>Encoding choices, in one place so product decisions do not leak into command building.</summary>
public sealed record TranscodeSettings
{
    public string Preset { get; init; } = "veryfast";
    public int Crf { get; init; } = 23;
    public int MaxFrameRate { get; init; } = 30;
    public int KeyframeSeconds { get; init; } = 2;
    public int SegmentSeconds { get; init; } = 4;

    /// <summary>The progressive-download MP4 (peak ≤ 1.4 Mbit/s including audio).</summary>
    public VideoRung Mp4 { get; init; } = new("720p", 720, VideoMaxrateKbps: 1000, VideoBufsizeKbps: 1000, AudioKbps: 128);

    /// <summary>HLS ladder, lowest first. Only rungs not above the source's short side are made.</summary>
    public IReadOnlyList<VideoRung> HlsRungs { get; init; } =
    [
        new("480p", 480, VideoMaxrateKbps: 600, VideoBufsizeKbps: 600, AudioKbps: 96),
        new("720p", 720, VideoMaxrateKbps: 1000, VideoBufsizeKbps: 1000, AudioKbps: 128),
    ];

    /// <summary>Seconds searched for a representative poster frame.</summary>
    public double PosterSearchSeconds { get; init; } = 3;

    /// <summary>Sources at least this long are entered a little (skips black lead-in frames).</summary>
    public double PosterSeekSeconds { get; init; } = 2;

    public int ThumbnailWidth { get; init; } = 320;

    /// <summary>ffmpeg -q:v for JPEG (2 best … 31 worst).</summary>
    public int JpegQuality { get; init; } = 3;

    /// <summary>Longest side of the PDF first-page preview.</summary>
    public int PdfPreviewSize { get; init; } = 640;

    /// <summary>Pages of a PDF (or converted Office file) shown as images; the page count covers the whole document.</summary>
    public int PdfPreviewPages { get; init; } = 20;
}
