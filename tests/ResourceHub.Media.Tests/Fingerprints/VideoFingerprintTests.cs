using System.Diagnostics;
using ResourceHub.Domain.Duplicates;
using ResourceHub.Media.Tests.Integration;

namespace ResourceHub.Media.Tests.Fingerprints;

/// <summary>Fingerprints of generated clips: a re-encoded 480p copy and a copy with 5 s cut from the start match; another clip does not.</summary>
[Collection(MediaCollection.Name)]
public class VideoFingerprintTests(MediaFixture media)
{
    private string Make(string name, params string[] args)
    {
        var path = media.Input(name);
        if (File.Exists(path))
            return path;
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var a in new[] { "-hide_banner", "-nostdin", "-y", "-loglevel", "error" }.Concat(args).Append(path))
            start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, err);
        return path;
    }

    private string Original => Make("zoom-20s.mp4", "-f", "lavfi", "-i", "mandelbrot=size=640x360:rate=10", "-t", "20",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");

    private Task<ulong[]> FingerprintAsync(string input) =>
        media.Pipeline.FingerprintVideoAsync(input, media.NewOutputDirectory("frames"), TimeSpan.FromSeconds(20));

    [FfmpegFact]
    public async Task A_480p_reencode_and_a_copy_cut_5_s_at_the_start_match_and_another_clip_does_not()
    {
        var original = await FingerprintAsync(Original);
        Assert.Equal(20, original.Length);
        var reencoded = await FingerprintAsync(Make("zoom-480p.mp4", "-i", Original, "-vf", "scale=854:480", "-c:v", "libx264", "-crf", "32", "-preset", "ultrafast"));
        var cut = await FingerprintAsync(Make("zoom-cut5.mp4", "-ss", "5", "-i", Original, "-c:v", "libx264", "-crf", "28", "-preset", "ultrafast"));
        var other = await FingerprintAsync(Make("life-20s.mp4", "-f", "lavfi", "-i", "life=size=640x360:rate=10:mold=10:ratio=0.1", "-t", "20",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"));

        Assert.True(VideoAlignment.Score(original, reencoded) > 0.8, $"480p: {VideoAlignment.Best(original, reencoded)}");
        var aligned = VideoAlignment.Best(original, cut)!.Value;
        Assert.Equal(5, aligned.Offset);
        Assert.NotNull(VideoAlignment.Score(original, cut));
        Assert.Null(VideoAlignment.Score(original, other));
        Assert.Null(VideoAlignment.Score(cut, other));
    }
}
