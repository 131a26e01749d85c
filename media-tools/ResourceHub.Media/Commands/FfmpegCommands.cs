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

    /// <summary>
    /// The 720p MP4 alone, as one plain encode. The pipeline does not run it (see <see cref="Transcode"/>);
    /// the media bench runs it as the baseline that a whole job is measured against.
    /// </summary>
    public IReadOnlyList<string> Mp4(TranscodePlan plan, string input, string output)
    {
        var args = Common();
        args.AddRange(["-i", input]);
        args.AddRange(["-map", $"0:{plan.VideoStreamIndex}"]);
        args.AddRange(["-vf", $"fps={plan.FrameRate},{ScaleFilter(plan.Mp4)}"]);
        args.AddRange(VideoEncoding(plan, plan.Mp4.Rung));
        AddAudio(args, plan, plan.Mp4.Rung);
        args.AddRange([.. AsArguments(Mp4Muxer), output]);
        return args;
    }

    /// <summary>
    /// Every video rendition from one ffmpeg process: the source is decoded once, each rung is
    /// encoded once, and poster and thumbnail are picked from the same decoded frames.
    /// <para>
    /// The MP4 and the HLS rung of the same size share one encode through the tee muxer, which writes
    /// the same packets to a faststart MP4 and to MPEG-TS segments. We chose tee over fMP4/CMAF
    /// segments that the MP4 would share: the download stays an ordinary MP4 with a full sample index
    /// (instant seeking, plays offline on old phones and school PCs), and the ladder stays MPEG-TS,
    /// which Safari, hls.js and older Android players all take; the price is storing the 720p rung
    /// twice, not encoding it twice.
    /// </para>
    /// When the source is too small for the MP4's rung to be on the ladder (under 720p), the MP4 gets
    /// its own encode in the same process.
    /// </summary>
    public IReadOnlyList<string> Transcode(TranscodePlan plan, string input, VideoOutputs outputs)
    {
        // ffmpeg 5.1's HLS muxer expands %d patterns anywhere in the segment path and has no escape for '%'.
        if (outputs.HlsDirectory.Contains('%', StringComparison.Ordinal))
            throw new ArgumentException($"The HLS folder may not contain '%': {outputs.HlsDirectory}", nameof(outputs));
        var args = Common();
        args.AddRange(["-i", input]);

        var shared = plan.SharedRung;
        var encodes = plan.HlsRungs.ToList();
        if (shared is null)
            encodes.Add(plan.Mp4);
        args.AddRange(["-filter_complex", TranscodeGraph(plan, encodes)]);

        for (var i = 0; i < encodes.Count; i++)
        {
            args.AddRange(["-map", $"[v{i}]"]);
            args.AddRange(VideoEncoding(plan, encodes[i].Rung));
            AddAudio(args, plan, encodes[i].Rung);
            var isLadder = i < plan.HlsRungs.Count;
            if (!isLadder)
                args.AddRange([.. AsArguments(Mp4Muxer), outputs.Mp4]);
            else if (encodes[i] != shared)
                args.AddRange([.. AsArguments(HlsMuxer(outputs, encodes[i])), outputs.HlsPlaylist(encodes[i])]);
            else
            {
                // Through tee, ffmpeg cannot ask the encoders for what the MP4 needs, so +global_header says
                // it: H.264/AAC headers go once into the stream header (avcC/esds in the MP4) instead of
                // in-band; dump_extra puts SPS/PPS back before each keyframe in the TS segments, so every
                // segment decodes on its own (the TS muxer adds ADTS headers to the AAC itself).
                var hls = HlsMuxer(outputs, encodes[i]).Append(("bsfs/v", "dump_extra=freq=keyframe"));
                args.AddRange(["-flags", "+global_header", "-f", "tee", TeeSlaves(
                    (Mp4Muxer, outputs.Mp4),
                    (hls, outputs.HlsPlaylist(encodes[i])))]);
            }
        }

        args.AddRange(ImageOutput("[p]", outputs.Poster));
        args.AddRange(ImageOutput("[t]", outputs.Thumbnail));
        return args;
    }

    public const string HlsMediaPlaylistName = "index.m3u8";

    /// <summary>Frames per second looked at when choosing a poster.</summary>
    public const int PosterSampleRate = 5;

    // One decoded, rate-fixed source, scaled once to the largest output size and split into a branch
    // per encode (smaller rungs scale down from there, about 30 % less scaling work than scaling each from
    // 1080p; an equal size passes through), plus a poster branch. The poster branch keeps only a short
    // window (skipping black lead-in frames on longer clips), sampled at 5 fps before the thumbnail
    // filter, which buffers its whole batch: 15 frames at 720p (~20 MB), not 90 at 1080p.
    private string TranscodeGraph(TranscodePlan plan, IReadOnlyList<RungPlan> encodes)
    {
        var largest = encodes.MaxBy(r => r.Width * r.Height)!;
        var graph = new System.Text.StringBuilder();
        graph.Append(CultureInfo.InvariantCulture,
            $"[0:{plan.VideoStreamIndex}]fps={plan.FrameRate},{ScaleFilter(largest)},split={encodes.Count + 1}");
        for (var i = 0; i <= encodes.Count; i++)
            graph.Append(CultureInfo.InvariantCulture, $"[s{i}]");
        for (var i = 0; i < encodes.Count; i++)
            graph.Append(CultureInfo.InvariantCulture, $";[s{i}]{ScaleFilter(encodes[i])}[v{i}]");

        var window = plan.PosterSeekSeconds > 0
            ? $"trim=start={Number(plan.PosterSeekSeconds)}:duration={Number(Settings.PosterSearchSeconds)}"
            : $"trim=duration={Number(Settings.PosterSearchSeconds)}";
        var batch = Math.Max(1, (int)(Settings.PosterSearchSeconds * PosterSampleRate));
        var (tw, th) = plan.Thumbnail;
        graph.Append(CultureInfo.InvariantCulture,
            $";[s{encodes.Count}]{window},fps={PosterSampleRate},{ScaleFilter(plan.Mp4)},thumbnail={batch},split=2[p][t0];[t0]scale={tw}:{th}[t]");
        return graph.ToString();
    }

    private static readonly (string Name, string Value)[] Mp4Muxer = [("f", "mp4"), ("movflags", "+faststart")];

    private static IEnumerable<string> AsArguments(IEnumerable<(string Name, string Value)> options) =>
        options.SelectMany(o => new[] { "-" + o.Name, o.Value });

    /// <summary>HLS muxer options for one rung, as name/value pairs (command-line options or tee slave options).</summary>
    private IEnumerable<(string Name, string Value)> HlsMuxer(VideoOutputs outputs, RungPlan rung) =>
    [
        ("f", "hls"),
        ("hls_time", Number(Settings.SegmentSeconds)),
        ("hls_playlist_type", "vod"),
        ("hls_segment_type", "mpegts"),
        ("hls_flags", "independent_segments"),
        ("hls_segment_filename", Path.Combine(outputs.HlsRungDirectory(rung), "seg_%04d.ts")),
    ];

    /// <summary>
    /// The tee muxer's output list: "[name=value:…]path|[…]path". ffmpeg unescapes it twice
    /// (the list at '|', then each slave's options at ':' and ']'), so values are escaped for both
    /// levels and paths for the list level; any folder name reaches the muxers unchanged.
    /// </summary>
    internal static string TeeSlaves(params (IEnumerable<(string Name, string Value)> Options, string Path)[] slaves) =>
        string.Join('|', slaves.Select(slave => Escape(
            "[" + string.Join(':', slave.Options.Select(o => $"{o.Name}={Escape(o.Value, "\\':]")}")) + "]" + slave.Path,
            "\\'|")));

    private static string Escape(string value, string specials)
    {
        var escaped = new System.Text.StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (specials.Contains(c, StringComparison.Ordinal))
                escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    // -update: the file name is used as given, not read as an image-sequence pattern.
    private IEnumerable<string> ImageOutput(string label, string path) =>
        ["-map", label, "-frames:v", "1", "-q:v", Number(Settings.JpegQuality), "-update", "1", "-f", "image2", path];

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

    /// <summary>
    /// pdftoppm: pages 1 to <see cref="TranscodeSettings.PdfPreviewPages"/>, longest side scaled to the preview size,
    /// PNGs at <c>{outputPrefix}-{page}.png</c> (the page number zero-padded to the document's page count's width).
    /// </summary>
    public IReadOnlyList<string> PdfPages(string input, string outputPrefix) =>
        ["-png", "-f", "1", "-l", Number(Settings.PdfPreviewPages), "-scale-to", Number(Settings.PdfPreviewSize), input, outputPrefix];

    /// <summary>pdfinfo: the document's facts, among them "Pages:".</summary>
    public static IReadOnlyList<string> PdfInfo(string input) => [input];

    /// <summary>pdftotext: the first pages' text as UTF-8 into <paramref name="output"/>.</summary>
    public static IReadOnlyList<string> PdfText(string input, string output, int lastPage) =>
        ["-enc", "UTF-8", "-l", Number(lastPage), input, output];

    private static List<string> Common() =>
    [
        "-hide_banner", "-nostdin", "-y",
        // Warnings and errors only, so the kept stderr tail is about this file, not the banner.
        "-loglevel", "warning",
        "-progress", "pipe:1", "-nostats",
    ];

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
