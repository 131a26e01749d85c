using ResourceHub.Media.Pipeline;
using ResourceHub.Media.Processes;

namespace ResourceHub.Media.Tests.Unit;

public class FailureClassifierTests
{
    [Fact]
    public void Missing_moov_is_a_deterministic_truncation()
    {
        var error = FailureClassifier.Classify("/usr/bin/ffprobe", 1,
            "[mov,mp4,m4a,3gp,3g2,mj2 @ 0x1] moov atom not found\nin.mp4: Invalid data found when processing input");

        Assert.Equal(MediaErrorCode.Truncated, error.Code);
        Assert.False(error.IsTransient);
        Assert.Equal(1, error.ExitCode);
        Assert.Contains("moov atom not found", error.ToolOutput);
    }

    [Fact]
    public void Invalid_data_is_deterministic_not_media()
    {
        var error = FailureClassifier.Classify("ffprobe", 1, "x.mp4: Invalid data found when processing input");
        Assert.Equal((MediaErrorCode.NotMedia, false), (error.Code, error.IsTransient));
    }

    [Fact]
    public void Unrecognised_failures_are_transient()
    {
        var error = FailureClassifier.Classify("/usr/bin/ffmpeg", 234, "Error writing trailer: No space left on device");
        Assert.Equal((MediaErrorCode.ToolFailed, true), (error.Code, error.IsTransient));
        Assert.Contains("ffmpeg exited with code 234", error.Message);
    }
}

public class StderrTailTests
{
    [Fact]
    public void Keeps_only_the_last_lines()
    {
        var tail = new StderrTail(maxLines: 3);
        for (var i = 1; i <= 10; i++)
            tail.Add($"line {i}");
        Assert.Equal("line 8\nline 9\nline 10", tail.ToString());
    }

    [Fact]
    public void Keeps_at_most_the_character_budget()
    {
        var tail = new StderrTail(maxLines: 100, maxChars: 50);
        for (var i = 0; i < 20; i++)
            tail.Add(new string((char)('a' + i), 20));
        var text = tail.ToString();
        Assert.True(text.Length <= 50);
        Assert.EndsWith(new string('t', 20), text);

        tail.Add(new string('z', 500));
        Assert.Equal(new string('z', 50), tail.ToString());
    }
}

public class HlsMasterPlaylistTests
{
    [Fact]
    public void Lists_variants_lowest_first_with_required_attributes()
    {
        var text = HlsMasterPlaylist.Render([
            new HlsVariant("720p/index.m3u8", 1280, 720, 1_300_000, 1_100_000, "avc1.64001f,mp4a.40.2"),
            new HlsVariant("480p/index.m3u8", 854, 480, 650_000, 600_000, "avc1.64001e,mp4a.40.2"),
        ]);

        Assert.Equal(
            "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n"
            + "#EXT-X-STREAM-INF:BANDWIDTH=650000,AVERAGE-BANDWIDTH=600000,RESOLUTION=854x480,CODECS=\"avc1.64001e,mp4a.40.2\"\n480p/index.m3u8\n"
            + "#EXT-X-STREAM-INF:BANDWIDTH=1300000,AVERAGE-BANDWIDTH=1100000,RESOLUTION=1280x720,CODECS=\"avc1.64001f,mp4a.40.2\"\n720p/index.m3u8\n",
            text);
    }

    [Theory]
    [InlineData("High", 31, true, "avc1.64001f,mp4a.40.2")]
    [InlineData("High", 30, false, "avc1.64001e")]
    [InlineData("Main", 40, true, "avc1.4d4028,mp4a.40.2")]
    [InlineData("Constrained Baseline", 30, false, "avc1.42e01e")]
    public void Codecs_string(string profile, int level, bool audio, string expected) =>
        Assert.Equal(expected, HlsMasterPlaylist.Codecs(profile, level, audio));

    [Fact]
    public void Unknown_profile_is_an_error_not_a_guess() =>
        Assert.Throws<ArgumentException>(() => HlsMasterPlaylist.Codecs("High 4:4:4 Predictive", 31, true));
}

public class JobProgressTests
{
    private sealed class Collect : IProgress<MediaProgress>
    {
        public List<MediaProgress> Items { get; } = [];
        public void Report(MediaProgress value) => Items.Add(value);
    }

    [Fact]
    public void Stage_percent_maps_into_the_job_and_never_goes_back()
    {
        var sink = new Collect();
        var job = new JobProgress(sink, [(MediaStage.Probing, 10), (MediaStage.Transcoding, 40), (MediaStage.Verifying, 50)]);

        job.Report(MediaStage.Probing, 100);
        job.Report(MediaStage.Transcoding, 50);
        job.Report(MediaStage.Transcoding, 20); // late, lower snapshot
        job.Report(MediaStage.Verifying, 50);
        job.Report(MediaStage.Done, 100);

        Assert.Equal([10, 30, 30, 75, 100], sink.Items.Select(p => p.Percent));
        Assert.Equal(MediaStage.Done, sink.Items[^1].Stage);
        Assert.Equal(TimeSpan.Zero, sink.Items[^1].Eta);
        Assert.NotNull(sink.Items[1].Eta);
    }
}
