using System.Globalization;

namespace ResourceHub.Media.Commands;

/// <summary>
/// Every ffmpeg/ffprobe/pdftoppm argument list the service runs is built here, so encoding
/// decisions can be reviewed and tested in one file. Lists exclude the executable itself.
/// </summary>
public sealed class FfmpegCommands(TranscodeSettings settings)
{
    public TranscodeSettings Settings { get; } = settings;

    /// <summary>ffprobe: container and stream facts as JSON.</summary>
    public static IReadOnlyList<string> Probe(string input) =>
        ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", input];

    /// <summary>ffprobe: every packet's decode time and size, for bitrate-over-time checks.</summary>
    public static IReadOnlyList<string> Packets(string input) =>
        ["-v", "error", "-show_entries", "packet=stream_index,dts_time,pts_time,size,flags", "-of", "compact=p=0", input];

    /// <summary>Progressive-download MP4: H.264/AAC, CFR, fixed GOP, moov at the front.</summary>
    public IReadOnlyList<string> Mp4(TranscodePlan plan, string input, string output)
    {
        var args = Common();
        args.AddRange(["-i", input]);
        args.AddRange(["-map", $"0:{plan.VideoStreamIndex}"]);
        args.AddRange(["-vf", VideoFilter(plan, plan.Mp4)]);
        args.AddRange(VideoEncoding(plan, plan.Mp4.Rung));
        AddAudio(args, plan, plan.Mp4.Rung);
        args.AddRange(["-movflags", "+faststart", "-f", "mp4", output]);
        return args;
    }

    /// <summary>
    /// All HLS rungs in one run: the source is decoded once and split, which matters on a 2-core box.
    /// Each rung gets its own media playlist under <c>{outputDirectory}/{rung name}/</c>; the master
    /// playlist is written by <see cref="Pipeline.HlsMasterPlaylist"/> from the verified results.
    /// </summary>
    public IReadOnlyList<string> Hls(TranscodePlan plan, string input, string outputDirectory)
    {
        var args = Common();
        args.AddRange(["-i", input]);

        var rungs = plan.HlsRungs;
        var graph = $"[0:{plan.VideoStreamIndex}]fps={plan.FrameRate},split={rungs.Count}"
            + string.Concat(rungs.Select((_, i) => $"[s{i}]"));
        for (var i = 0; i < rungs.Count; i++)
            graph += $";[s{i}]{ScaleFilter(rungs[i])}[v{i}]";
        args.AddRange(["-filter_complex", graph]);

        for (var i = 0; i < rungs.Count; i++)
        {
            var rungDirectory = Path.Combine(outputDirectory, rungs[i].Rung.Name);
            args.AddRange(["-map", $"[v{i}]"]);
            args.AddRange(VideoEncoding(plan, rungs[i].Rung));
            AddAudio(args, plan, rungs[i].Rung);
            args.AddRange([
                "-f", "hls",
                "-hls_time", Number(Settings.SegmentSeconds),
                "-hls_playlist_type", "vod",
                "-hls_segment_type", "mpegts",
                "-hls_flags", "independent_segments",
                "-hls_segment_filename", Path.Combine(rungDirectory, "seg_%04d.ts"),
                Path.Combine(rungDirectory, HlsMediaPlaylistName),
            ]);
        }
        return args;
    }

    public const string HlsMediaPlaylistName = "index.m3u8";

    /// <summary>Frames per second looked at when choosing a poster.</summary>
    public const int PosterSampleRate = 5;

    /// <summary>
    /// Poster (output size) and small thumbnail from one decode. The thumbnail filter buffers its
    /// whole batch, so frames are sampled (5 fps) and scaled first: 15 frames at 720p instead of
    /// 90 at 1080p (~20 MB rather than ~300 MB).
    /// </summary>
    public IReadOnlyList<string> PosterAndThumbnail(TranscodePlan plan, string input, string posterOutput, string thumbnailOutput)
    {
        var batch = Math.Max(1, (int)(Settings.PosterSearchSeconds * PosterSampleRate));
        var args = Common();
        if (plan.PosterSeekSeconds > 0)
            args.AddRange(["-ss", Number(plan.PosterSeekSeconds)]);
        args.AddRange(["-t", Number(Settings.PosterSearchSeconds), "-i", input]);
        var (tw, th) = plan.Thumbnail;
        args.AddRange([
            "-filter_complex",
            $"[0:{plan.VideoStreamIndex}]fps={PosterSampleRate},{ScaleFilter(plan.Mp4)},thumbnail={batch},split=2[p][t0];[t0]scale={tw}:{th}[t]",
            "-map", "[p]", "-frames:v", "1", "-q:v", Number(Settings.JpegQuality), "-f", "image2", posterOutput,
            "-map", "[t]", "-frames:v", "1", "-q:v", Number(Settings.JpegQuality), "-f", "image2", thumbnailOutput,
        ]);
        return args;
    }

    /// <summary>JPEG thumbnail of an uploaded image (JPEG/PNG/WebP) at the given (even) size.</summary>
    public IReadOnlyList<string> ImageThumbnail(string input, int width, int height, string output)
    {
        var args = Common();
        args.AddRange([
            "-i", input,
            "-vf", $"scale={width}:{height},setsar=1",
            "-frames:v", "1", "-q:v", Number(Settings.JpegQuality), "-f", "image2", output,
        ]);
        return args;
    }

    /// <summary>pdftoppm: first page only, longest side scaled to the preview size, PNG at <c>{outputPrefix}.png</c>.</summary>
    public IReadOnlyList<string> PdfFirstPage(string input, string outputPrefix) =>
        ["-png", "-f", "1", "-l", "1", "-scale-to", Number(Settings.PdfPreviewSize), "-singlefile", input, outputPrefix];

    private static List<string> Common() =>
    [
        "-hide_banner", "-nostdin", "-y",
        // Warnings and errors only, so the kept stderr tail is about this file, not the banner.
        "-loglevel", "warning",
        "-progress", "pipe:1", "-nostats",
    ];

    private string VideoFilter(TranscodePlan plan, RungPlan rung) => $"fps={plan.FrameRate},{ScaleFilter(rung)}";

    private static string ScaleFilter(RungPlan rung) => $"scale={rung.Width}:{rung.Height},setsar=1";

    private IEnumerable<string> VideoEncoding(TranscodePlan plan, VideoRung rung)
    {
        // A keyframe every N seconds at a constant rate: HLS segments cut cleanly and seeking is cheap.
        // x264 silently lowers keyint_min to keyint/2+1; scenecut off plus forced keyframes pin the GOP.
        var gop = plan.FrameRate * Settings.KeyframeSeconds;
        return
        [
            "-c:v", "libx264",
            "-preset", Settings.Preset,
            "-profile:v", "high",
            "-crf", Number(Settings.Crf),
            "-maxrate", $"{rung.VideoMaxrateKbps}k",
            "-bufsize", $"{rung.VideoBufsizeKbps}k",
            // x264 starts with a 90% full buffer by default, which lets the first second burst
            // to almost twice maxrate; half full keeps the start under the cap.
            "-rc_init_occupancy", $"{rung.VideoBufsizeKbps * 1000 / 2}",
            "-g", Number(gop),
            "-keyint_min", Number(gop),
            "-sc_threshold", "0",
            "-force_key_frames", $"expr:gte(t,n_forced*{Settings.KeyframeSeconds})",
            "-fps_mode", "cfr",
            "-pix_fmt", "yuv420p",
            // Teachers' phone clips carry GPS and device tags; none of it belongs in a public rendition.
            "-map_metadata", "-1",
            "-map_chapters", "-1",
            "-max_muxing_queue_size", "1024",
        ];
    }

    private static void AddAudio(List<string> args, TranscodePlan plan, VideoRung rung)
    {
        if (plan.AudioStreamIndex is not { } audio)
        {
            args.Add("-an");
            return;
        }
        args.AddRange([
            "-map", $"0:{audio}",
            "-c:a", "aac",
            "-b:a", $"{rung.AudioKbps}k",
            "-ac", "2",
            "-ar", Number(plan.AudioSampleRate),
        ]);
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
