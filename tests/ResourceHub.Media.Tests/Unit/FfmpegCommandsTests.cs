using ResourceHub.Media.Commands;
using ResourceHub.Media.Probing;

namespace ResourceHub.Media.Tests.Unit;

public class FfmpegCommandsTests
{
    private static readonly TranscodeSettings Settings = new();
    private static readonly FfmpegCommands Commands = new(Settings);

    private static TranscodePlan Plan(string fixture) => TranscodePlan.Create(ProbeParser.Parse(Fixture.Read(fixture)), Settings);

    /// <summary>Value following an option; fails when the option is absent.</summary>
    private static string ValueOf(IReadOnlyList<string> args, string option)
    {
        var index = args.ToList().IndexOf(option);
        Assert.True(index >= 0 && index + 1 < args.Count, $"{option} missing from: {string.Join(' ', args)}");
        return args[index + 1];
    }

    [Fact]
    public void Default_caps_fit_the_line()
    {
        // 720p must stay within 1.4 Mbit/s including audio, 480p around 0.7 Mbit/s.
        Assert.True(Settings.Mp4.PeakKbps <= 1400);
        Assert.All(Settings.HlsRungs, r => Assert.True(r.PeakKbps <= (r.ShortSide == 480 ? 700 : 1400)));
        Assert.Equal(("veryfast", 2, 4), (Settings.Preset, Settings.KeyframeSeconds, Settings.SegmentSeconds));
    }

    [Fact]
    public void Mp4_for_landscape_1080p()
    {
        var args = Commands.Mp4(Plan("probe-land.json"), "/in/my lesson.mp4", "/out/video.mp4");

        Assert.Equal("/in/my lesson.mp4", ValueOf(args, "-i")); // one argument, spaces and all
        Assert.Equal("0:0", ValueOf(args, "-map"));
        Assert.Equal("fps=30,scale=1280:720,setsar=1", ValueOf(args, "-vf"));
        Assert.Equal("libx264", ValueOf(args, "-c:v"));
        Assert.Equal("veryfast", ValueOf(args, "-preset"));
        Assert.Equal("23", ValueOf(args, "-crf"));
        Assert.Equal("1000k", ValueOf(args, "-maxrate"));
        Assert.Equal("1000k", ValueOf(args, "-bufsize"));
        Assert.Equal("60", ValueOf(args, "-g"));
        Assert.Equal("60", ValueOf(args, "-keyint_min"));
        Assert.Equal("0", ValueOf(args, "-sc_threshold"));
        Assert.Equal("expr:gte(t,n_forced*2)", ValueOf(args, "-force_key_frames"));
        Assert.Equal("cfr", ValueOf(args, "-fps_mode"));
        Assert.Equal("yuv420p", ValueOf(args, "-pix_fmt"));
        Assert.Equal("+faststart", ValueOf(args, "-movflags"));
        Assert.Equal("pipe:1", ValueOf(args, "-progress"));
        Assert.Contains("-nostats", args);
        Assert.Equal("aac", ValueOf(args, "-c:a"));
        Assert.Equal("128k", ValueOf(args, "-b:a"));
        Assert.Equal("2", ValueOf(args, "-ac"));
        Assert.Equal("48000", ValueOf(args, "-ar"));
        Assert.DoesNotContain("-an", args);
        Assert.Equal("/out/video.mp4", args[^1]);
    }

    [Fact]
    public void Mp4_for_rotated_portrait_uses_display_size()
    {
        var args = Commands.Mp4(Plan("probe-portrait.json"), "in.mp4", "out.mp4");
        Assert.Equal("fps=30,scale=720:1280,setsar=1", ValueOf(args, "-vf"));
    }

    [Fact]
    public void Mp4_without_audio_disables_audio()
    {
        var args = Commands.Mp4(Plan("probe-vfr.json"), "in.mp4", "out.mp4");

        Assert.Contains("-an", args);
        Assert.DoesNotContain("-c:a", args);
        Assert.Single(args, a => a == "-map");
    }

    [Fact]
    public void High_frame_rate_is_capped_and_gop_follows_output_rate()
    {
        var probe = ProbeParser.Parse(Fixture.Read("probe-land.json"));
        var fast = probe with { VideoStreams = [probe.VideoStreams[0] with { AverageFrameRate = new Rational(60000, 1001) }] };
        var args = Commands.Mp4(TranscodePlan.Create(fast, Settings), "in.mp4", "out.mp4");

        Assert.StartsWith("fps=30,", ValueOf(args, "-vf"));
        Assert.Equal("60", ValueOf(args, "-g"));
    }

    private static readonly VideoOutputs Outputs = new("/out/video-720p.mp4", "/out/hls", "/out/poster.jpg", "/out/thumbnail.jpg");

    /// <summary>Values of every occurrence of an option, in order.</summary>
    private static List<string> ValuesOf(IReadOnlyList<string> args, string option) =>
        args.Select((a, i) => (a, i)).Where(x => x.a == option && x.i + 1 < args.Count).Select(x => args[x.i + 1]).ToList();

    [Fact]
    public void Transcode_for_1080p_decodes_once_and_encodes_each_rung_once()
    {
        var plan = Plan("probe-land.json");
        var args = Commands.Transcode(plan, "/in/my lesson.mp4", Outputs).ToList();

        Assert.Single(args, a => a == "-i");
        Assert.Equal("/in/my lesson.mp4", ValueOf(args, "-i"));
        Assert.Equal(["480p", "720p"], plan.HlsRungs.Select(r => r.Rung.Name));
        Assert.Equal(plan.HlsRungs[1], plan.SharedRung);
        Assert.Equal(
            "[0:0]fps=30,scale=1280:720,setsar=1,split=3[s0][s1][s2];[s0]scale=854:480,setsar=1[v0];[s1]scale=1280:720,setsar=1[v1]"
            + ";[s2]trim=duration=3,fps=5,scale=1280:720,setsar=1,thumbnail=15,split=2[p][t0];[t0]scale=320:180[t]",
            ValueOf(args, "-filter_complex"));
        // Two encodes (480p, 720p), each with its own caps and audio rate; no third 720p encode for the MP4.
        Assert.Equal(["libx264", "libx264"], ValuesOf(args, "-c:v"));
        Assert.Equal(["600k", "1000k"], ValuesOf(args, "-maxrate"));
        Assert.Equal(["96k", "128k"], ValuesOf(args, "-b:a"));
        Assert.Equal(["[v0]", "0:1", "[v1]", "0:1", "[p]", "[t]"], ValuesOf(args, "-map"));
        Assert.Equal(["60", "60"], ValuesOf(args, "-g"));

        // 480p: plain HLS output. 720p: one tee output feeding the faststart MP4 and the 720p HLS rung.
        Assert.Equal(["hls", "tee", "image2", "image2"], ValuesOf(args, "-f"));
        Assert.Equal("4", ValueOf(args, "-hls_time"));
        Assert.Equal("/out/hls/480p/seg_%04d.ts", ValueOf(args, "-hls_segment_filename"));
        Assert.Contains("/out/hls/480p/index.m3u8", args);
        Assert.Equal("+global_header", ValueOf(args, "-flags"));
        Assert.Equal(
            "[f=mp4:movflags=+faststart]/out/video-720p.mp4|"
            + "[f=hls:hls_time=4:hls_playlist_type=vod:hls_segment_type=mpegts:hls_flags=independent_segments"
            + ":hls_segment_filename=/out/hls/720p/seg_%04d.ts:bsfs/v=dump_extra=freq=keyframe]/out/hls/720p/index.m3u8",
            args[args.IndexOf("tee") + 1]);

        Assert.Equal(["1", "1"], ValuesOf(args, "-frames:v"));
        Assert.Equal(["/out/poster.jpg", "/out/thumbnail.jpg"], [args[args.IndexOf("/out/poster.jpg")], args[^1]]);
        Assert.Equal("pipe:1", ValueOf(args, "-progress"));
    }

    [Fact]
    public void Transcode_of_a_small_source_encodes_the_mp4_beside_the_single_rung()
    {
        var probe = ProbeParser.Parse(Fixture.Read("probe-land.json"));
        var plan = TranscodePlan.Create(probe with { VideoStreams = [probe.VideoStreams[0] with { Width = 640, Height = 360 }] }, Settings);
        var args = Commands.Transcode(plan, "in.mp4", Outputs).ToList();

        Assert.Null(plan.SharedRung); // the 480p rung at 640x360 has other caps than the MP4
        Assert.StartsWith("[0:0]fps=30,scale=640:360,setsar=1,split=3[s0][s1][s2];[s0]scale=640:360,setsar=1[v0];[s1]scale=640:360,setsar=1[v1];", ValueOf(args, "-filter_complex"));
        Assert.Equal(["600k", "1000k"], ValuesOf(args, "-maxrate"));
        Assert.Equal(["hls", "mp4", "image2", "image2"], ValuesOf(args, "-f"));
        Assert.Equal("+faststart", ValueOf(args, "-movflags"));
        Assert.DoesNotContain("-flags", args);
        Assert.Equal("/out/video-720p.mp4", args[args.IndexOf("+faststart") + 1]);
    }

    [Fact]
    public void Transcode_without_audio_maps_no_audio()
    {
        var args = Commands.Transcode(Plan("probe-vfr.json"), "in.mp4", Outputs);

        Assert.DoesNotContain("-c:a", args);
        Assert.Equal(ValuesOf(args, "-c:v").Count, args.Count(a => a == "-an"));
    }

    [Fact]
    public void Tee_paths_and_option_values_are_escaped_for_both_unescaping_levels()
    {
        var list = FfmpegCommands.TeeSlaves(
            ([("f", "mp4")], "/out/a|b'c.mp4"),
            ([("f", "hls"), ("hls_segment_filename", @"/out/x:y]z\/seg_%04d.ts")], @"/out/x:y]z\/index.m3u8"));

        // The list level escapes \ ' | everywhere; option values were escaped for : ] (and \ ') before that.
        Assert.Equal(
            @"[f=mp4]/out/a\|b\'c.mp4|[f=hls:hls_segment_filename=/out/x\\:y\\]z\\\\/seg_%04d.ts]/out/x:y]z\\/index.m3u8",
            list);
    }

    [Fact]
    public void A_percent_sign_in_the_hls_folder_is_refused_not_misread_as_a_pattern() =>
        Assert.Throws<ArgumentException>(() => Commands.Transcode(Plan("probe-land.json"), "in.mp4", Outputs with { HlsDirectory = "/out/100%04d/hls" }));

    [Fact]
    public void Hls_for_small_source_keeps_one_rung_at_source_size()
    {
        var probe = ProbeParser.Parse(Fixture.Read("probe-land.json"));
        var small = probe with { VideoStreams = [probe.VideoStreams[0] with { Width = 640, Height = 360 }] };
        var plan = TranscodePlan.Create(small, Settings);

        var rung = Assert.Single(plan.HlsRungs);
        Assert.Equal(("480p", 640, 360), (rung.Rung.Name, rung.Width, rung.Height));
        Assert.Equal((640, 360), (plan.Mp4.Width, plan.Mp4.Height));
    }

    [Fact]
    public void Poster_window_skips_the_lead_in_only_when_the_clip_is_long_enough()
    {
        var probe = ProbeParser.Parse(Fixture.Read("probe-land.json"));
        var shortGraph = ValueOf(Commands.Transcode(TranscodePlan.Create(probe, Settings), "in.mp4", Outputs), "-filter_complex");
        var longGraph = ValueOf(Commands.Transcode(
            TranscodePlan.Create(probe with { Duration = TimeSpan.FromMinutes(40) }, Settings), "in.mp4", Outputs), "-filter_complex");

        Assert.Contains(";[s2]trim=duration=3,fps=5,", shortGraph);
        Assert.Contains(";[s2]trim=start=2:duration=3,fps=5,scale=1280:720,setsar=1,thumbnail=15,split=2[p][t0];[t0]scale=320:180[t]", longGraph);
    }

    [Fact]
    public void Pdf_pages_arguments()
    {
        Assert.Equal(["-png", "-f", "1", "-l", "20", "-scale-to", "640", "a b.pdf", "/out/page"],
            Commands.PdfPages("a b.pdf", "/out/page"));
    }

    [Fact]
    public void Office_conversion_names_the_import_filter_and_a_private_profile()
    {
        var args = SofficeCommands.ConvertToPdf("/work/课件 1.pptx", "/work/pdf", "/tmp/lo profile");

        Assert.Equal("-env:UserInstallation=file:///tmp/lo%20profile", args[0]);
        Assert.Contains("--headless", args);
        Assert.Contains("--infilter=Impress MS PowerPoint 2007 XML", args);
        Assert.Equal(["--convert-to", "pdf", "--outdir", "/work/pdf", "/work/课件 1.pptx"], args.TakeLast(5));
        Assert.True(SofficeCommands.Converts(".DOC"));
        Assert.False(SofficeCommands.Converts(".txt"));
    }
}
