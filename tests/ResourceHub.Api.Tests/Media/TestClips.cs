using System.Diagnostics;
using ResourceHub.Media.Processes;

namespace ResourceHub.Api.Tests.Media;

/// <summary>Tiny inputs made with ffmpeg's lavfi sources (640x360, a few seconds) in a temp folder.</summary>
public sealed class TestClips : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rh-clips-").FullName;

    /// <summary>640x360 H.264/AAC clip of <paramref name="seconds"/> seconds.</summary>
    public string Video(double seconds = 2)
    {
        var path = Path.Combine(_root, $"clip-{seconds}s.mp4");
        if (!File.Exists(path))
            Ffmpeg($"-f lavfi -i testsrc2=size=640x360:rate=25:duration={seconds} -f lavfi -i sine=frequency=440:duration={seconds} " +
                   "-c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest", path);
        return path;
    }

    public string Png()
    {
        var path = Path.Combine(_root, "board.png");
        if (!File.Exists(path))
            Ffmpeg("-f lavfi -i testsrc2=size=480x320 -frames:v 1", path);
        return path;
    }

    /// <summary>Any clip made by ffmpeg from <paramref name="arguments"/> (inputs and codecs), once per name.</summary>
    public string Make(string name, string arguments)
    {
        var path = Path.Combine(_root, name);
        if (!File.Exists(path))
            Ffmpeg(arguments, path);
        return path;
    }

    private static void Ffmpeg(string arguments, string output)
    {
        var ffmpeg = ToolLocator.Find(null, "ffmpeg") ?? throw new InvalidOperationException("these tests need ffmpeg on PATH");
        using var process = Process.Start(new ProcessStartInfo(ffmpeg, $"-hide_banner -loglevel error -y {arguments} \"{output}\"")
        {
            RedirectStandardError = true,
        })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"ffmpeg failed: {error}");
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
