using ResourceHub.Media.Probing;

namespace ResourceHub.Media.Tests.Unit;

public class ProbeParserTests
{
    [Fact]
    public void Landscape_clip_with_audio()
    {
        var probe = ProbeParser.Parse(Fixture.Read("probe-land.json"));

        Assert.Equal("mov,mp4,m4a,3gp,3g2,mj2", probe.FormatName);
        Assert.Equal(3.0, probe.Duration!.Value.TotalSeconds, 2);
        Assert.True(probe.SizeBytes > 0);
        Assert.True(probe.BitRate > 0);

        var video = Assert.Single(probe.VideoStreams);
        Assert.Equal(("h264", 1920, 1080, 0, "yuv420p"), (video.Codec, video.Width, video.Height, video.Rotation, video.PixelFormat));
        Assert.Equal((1920, 1080), video.DisplaySize);
        Assert.Equal(new Rational(30, 1), video.AverageFrameRate);
        Assert.Equal(new Rational(30, 1), video.RealFrameRate);
        Assert.False(video.IsAttachedPicture);

        var audio = Assert.Single(probe.AudioStreams);
        Assert.Equal(("aac", 2, 48000), (audio.Codec, audio.Channels, audio.SampleRate));
        Assert.True(audio.BitRate > 0);
        Assert.True(probe.HasAudio);
    }

    [Fact]
    public void Display_matrix_rotation_swaps_display_size()
    {
        var video = ProbeParser.Parse(Fixture.Read("probe-portrait.json")).Video!;

        Assert.Equal((1920, 1080), (video.Width, video.Height));
        Assert.Equal(90, video.Rotation);
        Assert.Equal((1080, 1920), video.DisplaySize);
    }

    [Fact]
    public void Legacy_rotate_tag_is_used_when_there_is_no_display_matrix()
    {
        // Hand-edited from probe-portrait.json: side data removed, "rotate" tag as older muxers wrote it.
        var video = ProbeParser.Parse(Fixture.Read("probe-legacy-rotate-tag.json")).Video!;

        Assert.Equal(270, video.Rotation);
        Assert.Equal((1080, 1920), video.DisplaySize);
    }

    [Theory]
    [InlineData(-90, 270)]
    [InlineData(90, 90)]
    [InlineData(-180, 180)]
    [InlineData(180, 180)]
    [InlineData(-270, 90)]
    [InlineData(0, 0)]
    [InlineData(89.9, 90)]
    public void Rotation_is_normalised(double reported, int expected)
    {
        var json = $$$"""
            {"streams":[{"index":0,"codec_type":"video","codec_name":"h264","width":640,"height":480,
              "side_data_list":[{"side_data_type":"Display Matrix","rotation":{{{reported.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}}]}],
             "format":{"format_name":"mov","duration":"1.0"}}
            """;
        Assert.Equal(expected, ProbeParser.Parse(json).Video!.Rotation);
    }

    [Fact]
    public void Variable_frame_rate_keeps_both_rates_and_prefers_average()
    {
        var video = ProbeParser.Parse(Fixture.Read("probe-vfr.json")).Video!;

        Assert.Equal(new Rational(60, 1), video.RealFrameRate);
        Assert.Equal(new Rational(1800, 59), video.AverageFrameRate);
        Assert.Equal(1800.0 / 59, video.FrameRate!.Value, 6);
        Assert.Empty(ProbeParser.Parse(Fixture.Read("probe-vfr.json")).AudioStreams);
    }

    [Fact]
    public void Output_without_audio_has_no_audio_streams()
    {
        var probe = ProbeParser.Parse(Fixture.Read("probe-noaudio.json"));

        Assert.False(probe.HasAudio);
        Assert.Null(probe.Audio);
        Assert.Equal("High", probe.Video!.Profile);
        Assert.Equal(30, probe.Video.Level);
    }

    [Fact]
    public void Unknown_values_and_cover_art_are_handled()
    {
        const string json = """
            {"streams":[
               {"index":0,"codec_type":"video","codec_name":"mjpeg","width":600,"height":600,"avg_frame_rate":"0/0","r_frame_rate":"90000/1",
                "disposition":{"attached_pic":1}},
               {"index":1,"codec_type":"audio","codec_name":"mp3","channels":2,"sample_rate":"44100","bit_rate":"N/A"}],
             "format":{"format_name":"mp3","duration":"N/A","size":"1234","bit_rate":"N/A"}}
            """;
        var probe = ProbeParser.Parse(json);

        Assert.Null(probe.Duration);
        Assert.Null(probe.BitRate);
        Assert.Equal(1234, probe.SizeBytes);
        Assert.Null(probe.Video);                     // cover art is not a video
        Assert.True(probe.VideoStreams[0].IsAttachedPicture);
        Assert.False(probe.VideoStreams[0].AverageFrameRate.IsValid);
        Assert.Null(probe.Audio!.BitRate);
    }

    [Fact]
    public void Non_square_pixels_widen_the_display_size()
    {
        const string json = """
            {"streams":[{"index":0,"codec_type":"video","codec_name":"mpeg2video","width":720,"height":576,"sample_aspect_ratio":"64:45"}],
             "format":{"format_name":"mpeg","duration":"2"}}
            """;
        Assert.Equal((1024, 576), ProbeParser.Parse(json).Video!.DisplaySize);
    }
}
