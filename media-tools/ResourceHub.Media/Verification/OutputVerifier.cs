using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using ResourceHub.Media.Commands;
using ResourceHub.Media.Pipeline;
using ResourceHub.Media.Probing;
using ResourceHub.Media.Processes;

namespace ResourceHub.Media.Verification;

/// <summary>
/// Probes every output before it is handed out. ffmpeg exiting 0 does not prove the file is what
/// we asked for (wrong size after autorotation, audio silently dropped, moov at the end...).
/// </summary>
public sealed class OutputVerifier(FfmpegRunner runner, TranscodeSettings settings)
{
    public async Task<RenditionOutput> VerifyMp4Async(
        string outputDirectory, string relativePath, RungPlan rung, TranscodePlan plan, CancellationToken cancellationToken)
    {
        var path = FullPath(outputDirectory, relativePath);
        var probe = await runner.ProbeAsync(path, cancellationToken).ConfigureAwait(false);
        CheckAudioVideo(probe, rung, plan, relativePath);

        var atoms = Mp4Atoms.TopLevelTypes(path);
        if (!Mp4Atoms.IsFastStart(atoms))
            Fail($"{relativePath}: moov is not before mdat (top-level boxes: {string.Join(",", atoms)}).");

        var size = new FileInfo(path).Length;
        var duration = probe.Duration!.Value;
        return new RenditionOutput(
            RenditionKind.Mp4720p,
            [new RenditionFile(relativePath, ContentTypes.Mp4, size)],
            rung.Width, rung.Height,
            BitRate: (long)(size * 8 / duration.TotalSeconds),
            Duration: duration);
    }

    /// <summary>Checks each rung's media playlist and segments, then writes the master playlist.</summary>
    public async Task<RenditionOutput> VerifyHlsAsync(
        string outputDirectory, string hlsDirectory, TranscodePlan plan, CancellationToken cancellationToken)
    {
        var files = new List<RenditionFile>();
        var variants = new List<HlsVariant>();
        foreach (var rung in plan.HlsRungs)
        {
            var playlistRelative = $"{hlsDirectory}/{rung.Rung.Name}/{FfmpegCommands.HlsMediaPlaylistName}";
            var playlistPath = FullPath(outputDirectory, playlistRelative);
            if (!File.Exists(playlistPath))
                Fail($"{playlistRelative} was not written.");

            var probe = await runner.ProbeAsync(playlistPath, cancellationToken).ConfigureAwait(false);
            CheckAudioVideo(probe, rung, plan, playlistRelative);

            files.Add(new RenditionFile(playlistRelative, ContentTypes.HlsPlaylist, new FileInfo(playlistPath).Length));
            long totalBytes = 0;
            double totalSeconds = 0, peak = 0;
            foreach (var (segment, seconds) in MediaPlaylistSegments(File.ReadAllText(playlistPath)))
            {
                var segmentRelative = $"{hlsDirectory}/{rung.Rung.Name}/{segment}";
                var segmentPath = FullPath(outputDirectory, segmentRelative);
                var size = File.Exists(segmentPath) ? new FileInfo(segmentPath).Length : 0;
                if (size == 0)
                    Fail($"{segmentRelative} is missing or empty.");
                // Keyframes every KeyframeSeconds divide the segment length, so no segment may overrun it.
                if (seconds > settings.SegmentSeconds + 0.1)
                    Fail($"{segmentRelative} lasts {seconds:0.###} s, longer than {settings.SegmentSeconds} s.");
                files.Add(new RenditionFile(segmentRelative, ContentTypes.MpegTs, size));
                totalBytes += size;
                totalSeconds += seconds;
                if (seconds > 0)
                    peak = Math.Max(peak, size * 8 / seconds);
            }
            if (totalSeconds <= 0)
                Fail($"{playlistRelative} lists no segments.");
            CheckDuration(TimeSpan.FromSeconds(totalSeconds), plan.Duration, playlistRelative);

            var video = probe.Video!;
            variants.Add(new HlsVariant(
                $"{rung.Rung.Name}/{FfmpegCommands.HlsMediaPlaylistName}",
                rung.Width, rung.Height,
                PeakBandwidth: (long)Math.Ceiling(peak),
                AverageBandwidth: (long)Math.Ceiling(totalBytes * 8 / totalSeconds),
                HlsMasterPlaylist.Codecs(video.Profile, video.Level, plan.HasAudio)));
        }

        var masterRelative = $"{hlsDirectory}/{HlsMasterPlaylist.FileName}";
        var masterPath = FullPath(outputDirectory, masterRelative);
        await File.WriteAllTextAsync(masterPath, HlsMasterPlaylist.Render(variants), cancellationToken).ConfigureAwait(false);
        files.Insert(0, new RenditionFile(masterRelative, ContentTypes.HlsPlaylist, new FileInfo(masterPath).Length));

        var top = plan.HlsRungs[^1];
        return new RenditionOutput(
            RenditionKind.Hls, files, top.Width, top.Height,
            BitRate: variants.Max(v => v.PeakBandwidth),
            Duration: plan.Duration);
    }

    /// <summary>Checks a still image output: codec and exact size.</summary>
    public async Task<RenditionOutput> VerifyImageAsync(
        RenditionKind kind, string outputDirectory, string relativePath, string codec, string contentType,
        int width, int height, CancellationToken cancellationToken)
    {
        var path = FullPath(outputDirectory, relativePath);
        if (!File.Exists(path))
            Fail($"{relativePath} was not written.");
        var probe = await runner.ProbeAsync(path, cancellationToken).ConfigureAwait(false);
        var image = probe.VideoStreams.FirstOrDefault();
        if (image is null || image.Codec != codec || image.Width != width || image.Height != height)
            Fail($"{relativePath}: expected {codec} {width}x{height}, got {Describe(image)}.");
        return new RenditionOutput(kind, [new RenditionFile(relativePath, contentType, new FileInfo(path).Length)],
            width, height, BitRate: null, Duration: null);
    }

    /// <summary>PDF page preview: PNG whose longest side is the requested size (the page's aspect decides the other).</summary>
    public async Task<RenditionOutput> VerifyPreviewAsync(
        string outputDirectory, string relativePath, int longestSide, CancellationToken cancellationToken)
    {
        var path = FullPath(outputDirectory, relativePath);
        if (!File.Exists(path))
            Fail($"{relativePath} was not written.");
        var page = (await runner.ProbeAsync(path, cancellationToken).ConfigureAwait(false)).VideoStreams.FirstOrDefault();
        if (page is null || page.Codec != "png" || Math.Max(page.Width, page.Height) != longestSide)
            Fail($"{relativePath}: expected png with longest side {longestSide}, got {Describe(page)}.");
        return new RenditionOutput(RenditionKind.Preview, [new RenditionFile(relativePath, ContentTypes.Png, new FileInfo(path).Length)],
            page.Width, page.Height, BitRate: null, Duration: null);
    }

    /// <summary>Segment names and EXTINF durations from a media playlist.</summary>
    internal static IEnumerable<(string Segment, double Seconds)> MediaPlaylistSegments(string playlist)
    {
        double? pending = null;
        foreach (var rawLine in playlist.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.StartsWith("#EXTINF:", StringComparison.Ordinal))
            {
                var value = line["#EXTINF:".Length..].Split(',')[0];
                pending = double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
            }
            else if (line.Length > 0 && !line.StartsWith('#') && pending is { } seconds)
            {
                yield return (line, seconds);
                pending = null;
            }
        }
    }

    private void CheckAudioVideo(MediaProbe probe, RungPlan rung, TranscodePlan plan, string what)
    {
        var video = probe.Video;
        if (video is null || video.Codec != "h264" || video.Width != rung.Width || video.Height != rung.Height
            || video.PixelFormat != "yuv420p" || video.Rotation != 0)
            Fail($"{what}: expected h264 yuv420p {rung.Width}x{rung.Height} unrotated, got {Describe(video)}.");

        var audio = probe.Audio;
        if (plan.HasAudio && (audio is null || audio.Codec != "aac" || audio.Channels != 2))
            Fail($"{what}: expected stereo AAC audio, got {(audio is null ? "none" : $"{audio.Codec} {audio.Channels}ch")}.");
        if (!plan.HasAudio && audio is not null)
            Fail($"{what}: source has no audio but output has {audio.Codec}.");

        CheckDuration(probe.Duration ?? TimeSpan.Zero, plan.Duration, what);
    }

    // Frame-rate conversion and AAC priming shift the end by a frame or so; a cut-short encode does not.
    private static void CheckDuration(TimeSpan actual, TimeSpan expected, string what)
    {
        var tolerance = Math.Max(0.5, expected.TotalSeconds * 0.02);
        if (Math.Abs((actual - expected).TotalSeconds) > tolerance)
            Fail($"{what}: duration {actual.TotalSeconds:0.###} s, source {expected.TotalSeconds:0.###} s.");
    }

    private static string Describe(VideoStreamInfo? video) =>
        video is null ? "no video" : $"{video.Codec} {video.PixelFormat} {video.Width}x{video.Height} rotation {video.Rotation}";

    private static string FullPath(string outputDirectory, string relativePath) =>
        Path.Combine(outputDirectory, relativePath.Replace('/', Path.DirectorySeparatorChar));

    [DoesNotReturn]
    private static void Fail(string message) =>
        throw new MediaProcessingException(new MediaError(MediaErrorCode.VerificationFailed, message, IsTransient: false));
}
