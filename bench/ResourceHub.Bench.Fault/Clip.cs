using System.Diagnostics;

namespace ResourceHub.Bench.Fault;

/// <summary>Small media files made with ffmpeg's test sources, so uploads start real transcodes and thumbnails.</summary>
public static class Clip
{
    /// <summary>640x360 H.264/AAC test pattern of <paramref name="seconds"/> seconds.</summary>
    public static byte[] Video(string folder, int seconds) =>
        Ffmpeg(folder, $"clip-{seconds}s.mp4", "-f", "lavfi", "-i", $"testsrc2=size=640x360:rate=25:duration={seconds}",
            "-f", "lavfi", "-i", $"sine=frequency=440:duration={seconds}", "-c:v", "libx264", "-preset", "ultrafast",
            "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest");

    public static byte[] Png(string folder) => Ffmpeg(folder, "board.png", "-f", "lavfi", "-i", "testsrc2=size=480x320", "-frames:v", "1");

    private static byte[] Ffmpeg(string folder, string name, params string[] arguments)
    {
        var path = Path.Combine(folder, name);
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var arg in new[] { "-hide_banner", "-loglevel", "error", "-y" }.Concat(arguments).Append(path))
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? File.ReadAllBytes(path) : throw new InvalidOperationException($"ffmpeg failed: {error}");
    }
}
