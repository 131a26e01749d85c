using ResourceHub.Media.Pipeline;
using ResourceHub.Media.Verification;

namespace ResourceHub.Media.Tests.Integration;

[Collection(MediaCollection.Name)]
public class VideoPipelineTests(MediaFixture media)
{
    private const double CapBitsPerSecond = 1_400_000;

    private async Task<(VideoJobResult Result, string Output)> Run(string input)
    {
        var run = await media.ProcessAsync(input);
        Assert.True(run.Error is null, run.Error?.ToString());
        return (run.Result!, run.OutputDirectory);
    }

    [FfmpegFact]
    public async Task Landscape_1080p_becomes_a_capped_faststart_720p_mp4()
    {
        var (result, dir) = await Run(media.Landscape);
        var mp4 = Probe.Single(result, RenditionKind.Mp4720p);
        var path = Probe.PathOf(dir, mp4);

        var probe = await Probe.FileAsync(path);
        Assert.Equal(("h264", 1280, 720, "yuv420p", 0), (probe.Video!.Codec, probe.Video.Width, probe.Video.Height, probe.Video.PixelFormat, probe.Video.Rotation));
        Assert.Equal(("aac", 2, 48000), (probe.Audio!.Codec, probe.Audio.Channels, probe.Audio.SampleRate));
        Assert.Equal(3.0, probe.Duration!.Value.TotalSeconds, 0.2);
        Assert.True(Mp4Atoms.IsFastStart(Mp4Atoms.TopLevelTypes(path)));

        Assert.Equal(("mp4-720p", "video/mp4", "video-720p.mp4"), (mp4.KindKey, mp4.ContentType, mp4.RelativePath));
        Assert.Equal(new FileInfo(path).Length, mp4.SizeBytes);
        var average = mp4.SizeBytes * 8 / probe.Duration.Value.TotalSeconds;
        Assert.True(average <= CapBitsPerSecond, $"average {average:0} bit/s");
        Assert.Equal(average, mp4.BitRate!.Value, 0.01 * average);
        await AssertWithinCap(path);
    }

    /// <summary>Average (size/duration) and the busiest 1 s window, video + audio, both under the line's cap.</summary>
    private static async Task AssertWithinCap(string path)
    {
        var probe = await Probe.FileAsync(path);
        var average = new FileInfo(path).Length * 8 / probe.Duration!.Value.TotalSeconds;
        Assert.True(average <= CapBitsPerSecond, $"average {average:0} bit/s");
        var peak = PacketBitrate.PeakBitsPerSecond(await Probe.PacketsAsync(path));
        Assert.True(peak <= CapBitsPerSecond, $"peak over 1 s windows {peak:0} bit/s");
    }

    [FfmpegFact]
    public async Task Keyframes_fall_every_two_seconds_at_constant_30_fps()
    {
        var (result, dir) = await Run(media.Landscape);
        var packets = await Probe.PacketsAsync(Probe.PathOf(dir, Probe.Single(result, RenditionKind.Mp4720p)));
        var video = packets.Where(p => p.StreamIndex == 0).ToList();

        // Presentation times of keyframes come out as 0 and 2 s; packets here are in decode time, so compare by frame index.
        var keyIndexes = video.Select((p, i) => (p, i)).Where(x => x.p.IsKeyframe).Select(x => x.i).ToList();
        Assert.Equal([0, 60], keyIndexes);
        Assert.Equal(90, video.Count);
    }

    [FfmpegFact]
    public async Task Landscape_hls_has_480p_and_720p_with_master_playlist()
    {
        var (result, dir) = await Run(media.Landscape);
        var hls = Probe.Single(result, RenditionKind.Hls);
        Assert.Equal(("hls/master.m3u8", "application/vnd.apple.mpegurl", 1280, 720), (hls.RelativePath, hls.ContentType, hls.Width, hls.Height));

        var master = File.ReadAllText(Probe.PathOf(dir, hls));
        Assert.StartsWith("#EXTM3U\n", master);
        Assert.Matches(@"#EXT-X-STREAM-INF:BANDWIDTH=\d+,AVERAGE-BANDWIDTH=\d+,RESOLUTION=854x480,CODECS=""avc1\.6400[0-9a-f]{2},mp4a\.40\.2""\n480p/index\.m3u8", master);
        Assert.Matches(@"#EXT-X-STREAM-INF:BANDWIDTH=\d+,AVERAGE-BANDWIDTH=\d+,RESOLUTION=1280x720,CODECS=""avc1\.6400[0-9a-f]{2},mp4a\.40\.2""\n720p/index\.m3u8", master);
        Assert.True(master.IndexOf("480p/", StringComparison.Ordinal) < master.IndexOf("720p/", StringComparison.Ordinal));

        foreach (var (rung, w, h) in new[] { ("480p", 854, 480), ("720p", 1280, 720) })
        {
            var playlist = Path.Combine(dir, "hls", rung, "index.m3u8");
            var text = File.ReadAllText(playlist);
            Assert.Contains("#EXT-X-PLAYLIST-TYPE:VOD", text);
            Assert.Contains("#EXT-X-ENDLIST", text);
            var probe = await Probe.FileAsync(playlist);
            Assert.Equal(("h264", w, h), (probe.Video!.Codec, probe.Video.Width, probe.Video.Height));
            Assert.Equal("aac", probe.Audio!.Codec);
        }
        // Every listed file exists and is what its content type says.
        Assert.All(hls.Files, f => Assert.True(new FileInfo(Path.Combine(dir, f.RelativePath)).Length == f.SizeBytes));
        Assert.Equal(2, hls.Files.Count(f => f.ContentType == "video/mp2t"));
    }

    [FfmpegFact]
    public async Task Mp4_and_720p_rung_carry_the_same_encoded_pictures_and_every_segment_decodes_alone()
    {
        var (result, dir) = await Run(media.Landscape720p6s);
        var mp4Frames = await FrameHashesAsync(Probe.PathOf(dir, Probe.Single(result, RenditionKind.Mp4720p)));
        var hlsFrames = await FrameHashesAsync(Path.Combine(dir, "hls", "720p", "index.m3u8"));
        Assert.Equal(150, mp4Frames.Count);
        Assert.Equal(mp4Frames, hlsFrames);

        // Players fetch any segment first after a seek: each must carry its own H.264 headers.
        var segments = Directory.GetFiles(Path.Combine(dir, "hls", "720p"), "seg_*.ts").Order().ToList();
        Assert.Equal(2, segments.Count);
        Assert.Equal(50, (await FrameHashesAsync(segments[1])).Count);
        await AssertWithinCap(Probe.PathOf(dir, Probe.Single(result, RenditionKind.Mp4720p)));
    }

    /// <summary>Decoded video frames as MD5s (ffmpeg framemd5), failing on any decode error.</summary>
    private static async Task<List<string>> FrameHashesAsync(string path)
    {
        var runner = new ResourceHub.Media.Processes.FfmpegRunner(new ResourceHub.Media.MediaToolOptions());
        var result = await runner.RunCheckedAsync(runner.FfmpegPath,
            ["-v", "error", "-xerror", "-nostdin", "-i", path, "-map", "0:v", "-f", "framemd5", "-"], TimeSpan.FromMinutes(1), null, default);
        Assert.Equal("", result.StderrTail.Trim());
        return result.StdOut.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split(',')[^1].Trim()).ToList();
    }

    [FfmpegFact]
    public async Task Output_folder_with_tee_special_characters_is_written_as_named()
    {
        var output = media.NewOutputDirectory(@"odd: a|b 'c' [d] e\f=g");
        var result = await media.Pipeline.ProcessVideoAsync(media.NoAudio, output);

        Assert.All(result.Outputs.SelectMany(o => o.Files), f => Assert.True(File.Exists(Path.Combine(output, f.RelativePath)), f.RelativePath));
        Assert.Equal(
            ["hls", "poster.jpg", "thumbnail.jpg", "video-720p.mp4"],
            Directory.GetFileSystemEntries(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [FfmpegFact]
    public async Task Hls_segments_are_four_seconds()
    {
        var (result, dir) = await Run(media.Small360);
        var hls = Probe.Single(result, RenditionKind.Hls);
        var playlist = File.ReadAllText(Path.Combine(dir, "hls", "480p", "index.m3u8"));

        var durations = OutputVerifier.MediaPlaylistSegments(playlist).Select(s => s.Seconds).ToList();
        Assert.Equal(2, durations.Count);
        Assert.Equal(4.0, durations[0], 0.05);
        Assert.Equal(2.0, durations[1], 0.05);
        Assert.Contains("#EXT-X-TARGETDURATION:4", playlist);
        Assert.Equal(["hls/master.m3u8", "hls/480p/index.m3u8", "hls/480p/seg_0000.ts", "hls/480p/seg_0001.ts"], hls.Files.Select(f => f.RelativePath));
    }

    [FfmpegFact]
    public async Task Rotated_portrait_phone_clip_becomes_720x1280()
    {
        var source = await media.Pipeline.ProbeVideoAsync(media.Portrait);
        Assert.Equal(90, source.Video!.Rotation);                 // the probe sees the phone's orientation
        Assert.Equal((1080, 1920), source.Video.DisplaySize);

        var (result, dir) = await Run(media.Portrait);
        var path = Probe.PathOf(dir, Probe.Single(result, RenditionKind.Mp4720p));
        var probe = await Probe.FileAsync(path);
        await AssertWithinCap(path);
        Assert.Equal((720, 1280, 0), (probe.Video!.Width, probe.Video.Height, probe.Video.Rotation));
        Assert.Equal(("aac", 2, 44100), (probe.Audio!.Codec, probe.Audio.Channels, probe.Audio.SampleRate));

        var master = File.ReadAllText(Path.Combine(dir, "hls", "master.m3u8"));
        Assert.Contains("RESOLUTION=480x854", master);
        Assert.Contains("RESOLUTION=720x1280", master);
        Assert.Equal((720, 1280), Size(Probe.Single(result, RenditionKind.Poster)));
        Assert.Equal((320, 568), Size(Probe.Single(result, RenditionKind.Thumbnail)));
    }

    [FfmpegFact]
    public async Task Small_360p_source_is_not_upscaled()
    {
        var (result, dir) = await Run(media.Small360);
        var probe = await Probe.FileAsync(Probe.PathOf(dir, Probe.Single(result, RenditionKind.Mp4720p)));
        Assert.Equal((640, 360), (probe.Video!.Width, probe.Video.Height));
        Assert.Equal(25, probe.Video.FrameRate!.Value, 3);

        var master = File.ReadAllText(Path.Combine(dir, "hls", "master.m3u8"));
        Assert.Single(master.Split('\n'), l => l.StartsWith("#EXT-X-STREAM-INF"));
        Assert.Contains("RESOLUTION=640x360", master);
        Assert.Equal((640, 360), Size(Probe.Single(result, RenditionKind.Poster)));
    }

    [FfmpegFact]
    public async Task Source_without_audio_gives_outputs_without_audio()
    {
        var (result, dir) = await Run(media.NoAudio);
        var mp4 = await Probe.FileAsync(Probe.PathOf(dir, Probe.Single(result, RenditionKind.Mp4720p)));
        Assert.Empty(mp4.AudioStreams);
        Assert.Equal((1280, 720), (mp4.Video!.Width, mp4.Video.Height));

        var rung = await Probe.FileAsync(Path.Combine(dir, "hls", "720p", "index.m3u8"));
        Assert.Empty(rung.AudioStreams);
        var master = File.ReadAllText(Path.Combine(dir, "hls", "master.m3u8"));
        Assert.DoesNotContain("mp4a", master);
        Assert.Contains("CODECS=\"avc1.", master);
    }

    [FfmpegFact]
    public async Task Odd_dimensions_become_even_without_growing()
    {
        var (result, dir) = await Run(media.Odd);
        var probe = await Probe.FileAsync(Probe.PathOf(dir, Probe.Single(result, RenditionKind.Mp4720p)));
        Assert.Equal((640, 360, "yuv420p"), (probe.Video!.Width, probe.Video.Height, probe.Video.PixelFormat));
    }

    [FfmpegFact]
    public async Task Variable_frame_rate_source_becomes_constant_30_fps()
    {
        var source = await media.Pipeline.ProbeVideoAsync(media.Vfr);
        Assert.NotEqual(source.Video!.RealFrameRate, source.Video.AverageFrameRate); // really variable

        var (result, dir) = await Run(media.Vfr);
        var path = Probe.PathOf(dir, Probe.Single(result, RenditionKind.Mp4720p));
        var probe = await Probe.FileAsync(path);
        Assert.Equal((30, 1), (probe.Video!.AverageFrameRate.Numerator, probe.Video.AverageFrameRate.Denominator));

        var times = (await Probe.PacketsAsync(path)).Where(p => p.StreamIndex == 0).Select(p => p.Time).Order().ToList();
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).ToList();
        Assert.All(gaps, g => Assert.Equal(1.0 / 30, g, 0.002));
        Assert.Equal(2.0, probe.Duration!.Value.TotalSeconds, 0.15);
        await AssertWithinCap(path);
    }

    [FfmpegFact]
    public async Task Poster_and_thumbnail_are_jpegs_at_output_and_small_size()
    {
        var (result, dir) = await Run(media.Landscape);
        var poster = Probe.Single(result, RenditionKind.Poster);
        var thumbnail = Probe.Single(result, RenditionKind.Thumbnail);

        var posterProbe = await Probe.FileAsync(Probe.PathOf(dir, poster));
        var thumbnailProbe = await Probe.FileAsync(Probe.PathOf(dir, thumbnail));
        Assert.Equal(("mjpeg", 1280, 720), (posterProbe.VideoStreams[0].Codec, posterProbe.VideoStreams[0].Width, posterProbe.VideoStreams[0].Height));
        Assert.Equal(("mjpeg", 320, 180), (thumbnailProbe.VideoStreams[0].Codec, thumbnailProbe.VideoStreams[0].Width, thumbnailProbe.VideoStreams[0].Height));
        Assert.Equal(("poster.jpg", "image/jpeg"), (poster.RelativePath, poster.ContentType));
        Assert.Equal(("thumbnail", "thumbnail.jpg"), (thumbnail.KindKey, thumbnail.RelativePath));
    }

    [FfmpegFact]
    public async Task Progress_covers_the_whole_job_and_only_moves_forward()
    {
        var run = await media.ProcessAsync(media.Landscape);
        var percents = run.Progress.Select(p => p.Percent).ToList();

        Assert.True(percents.Count >= 5);
        Assert.Equal(percents.Order().ToList(), percents);
        Assert.Equal(100, percents[^1]);
        Assert.Equal(MediaStage.Done, run.Progress[^1].Stage);
        // One ffmpeg process for every rendition: its progress spans the job from probing to verification.
        Assert.Contains(run.Progress, p => p.Stage == MediaStage.Transcoding && p.Percent is > 2 and < 96);
        Assert.Contains(run.Progress, p => p.Stage == MediaStage.Verifying && p.Percent >= 96);
        Assert.DoesNotContain(run.Progress, p => p.Stage == MediaStage.Verifying && p.Percent < 96);
        Assert.Contains(run.Progress, p => p.Eta is { } eta && eta > TimeSpan.Zero);
        Assert.Contains(run.Progress, p => p.Stage == MediaStage.Transcoding && p.StageEta is not null); // from ffmpeg's speed
    }

    [FfmpegFact]
    public async Task Hostile_file_names_reach_ffmpeg_as_plain_files()
    {
        // Leading '-' would be an option, "concat:" a protocol, if the name were passed as typed.
        var name = media.Input("-y concat:课堂实录 'a b'.mp4");
        File.Copy(media.NoAudio, name, overwrite: true);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, name);

        var probe = await media.Pipeline.ProbeVideoAsync(relative);

        Assert.Equal((1280, 720), (probe.Video!.Width, probe.Video.Height));
    }

    [FfmpegFact]
    public async Task Truncated_mp4_is_a_deterministic_truncation_error()
    {
        var run = await media.ProcessAsync(media.Truncated);
        var error = Assert.IsType<MediaProcessingException>(run.Error).Error;

        Assert.Equal(MediaErrorCode.Truncated, error.Code);
        Assert.False(error.IsTransient);
        Assert.Contains("moov atom not found", error.ToolOutput);
        Assert.Empty(Directory.GetFileSystemEntries(run.OutputDirectory));
    }

    [FfmpegFact]
    public async Task Text_file_named_mp4_is_rejected_as_not_media()
    {
        var run = await media.ProcessAsync(media.NotVideo);
        var error = Assert.IsType<MediaProcessingException>(run.Error).Error;

        Assert.Equal(MediaErrorCode.NotMedia, error.Code);
        Assert.False(error.IsTransient);
    }

    [FfmpegFact]
    public async Task Cancellation_stops_the_job()
    {
        using var cancel = new CancellationTokenSource();
        // Cancel as soon as the transcode reports progress: ffmpeg is running at that moment.
        var progress = new CallbackProgress(p => { if (p.Stage == MediaStage.Transcoding) cancel.Cancel(); });
        var output = media.NewOutputDirectory("cancel");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => media.Pipeline.ProcessVideoAsync(media.Landscape, output, progress, cancel.Token));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30));
        Assert.False(File.Exists(Path.Combine(output, "hls", "master.m3u8"))); // nothing was verified or published
    }

    private static (int, int) Size(RenditionOutput output) => (output.Width, output.Height);

    private sealed class CallbackProgress(Action<MediaProgress> onReport) : IProgress<MediaProgress>
    {
        public void Report(MediaProgress value) => onReport(value);
    }
}
