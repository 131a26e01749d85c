using System.Collections.Concurrent;
using System.Diagnostics;
using ResourceHub.Media.Pipeline;
using ResourceHub.Media.Processes;

namespace ResourceHub.Media.Tests.Integration;

[CollectionDefinition(Name)]
public sealed class MediaCollection : ICollectionFixture<MediaFixture>
{
    public const string Name = "media";
}

/// <summary>
/// Generates the test inputs once with lavfi sources (testsrc2 picture, sine audio) and caches
/// pipeline results per input, so several tests can assert on one (expensive) run.
/// Clips are 2–3 s and encoded with ultrafast to keep the suite light on a shared 2-core box.
/// </summary>
public sealed class MediaFixture : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<RunResult>>> _runs = new();

    public MediaFixture()
    {
        Root = Directory.CreateTempSubdirectory("resourcehub-media-tests").FullName;
        Inputs = Path.Combine(Root, "inputs");
        Directory.CreateDirectory(Inputs);
        // When the media tests will run (tools present, or required by RESOURCEHUB_REQUIRE_FFMPEG),
        // generate now, so a missing ffmpeg fails here with a clear message.
        if (FfmpegFactAttribute.SkipReason() is null)
        {
            try
            {
                Generate();
            }
            catch
            {
                Dispose(); // xunit does not dispose a fixture whose constructor threw
                throw;
            }
        }
    }

    public string Root { get; }
    public string Inputs { get; }
    public MediaPipeline Pipeline { get; } = new();

    public string Landscape => Input("landscape-1080p.mp4");
    public string Landscape720p6s => Input("landscape-720p-6s.mp4");
    public string Portrait => Input("portrait-rotated.mp4");
    public string Small360 => Input("small-360p.mp4");
    public string NoAudio => Input("no-audio.mp4");
    public string Odd => Input("odd-641x361.mp4");
    public string Vfr => Input("vfr.mp4");
    public string Truncated => Input("truncated.mp4");
    public string NotVideo => Input("notes.mp4");

    public string Input(string name) => Path.Combine(Inputs, name);

    public string NewOutputDirectory(string name) => Directory.CreateDirectory(Path.Combine(Root, "out", name + "-" + Guid.NewGuid().ToString("N")[..6])).FullName;

    public sealed record RunResult(VideoJobResult? Result, Exception? Error, string OutputDirectory, IReadOnlyList<MediaProgress> Progress);

    /// <summary>Runs the full video pipeline on an input once; later calls get the same result.</summary>
    public Task<RunResult> ProcessAsync(string input) =>
        _runs.GetOrAdd(input, i => new Lazy<Task<RunResult>>(() => RunAsync(i))).Value;

    private async Task<RunResult> RunAsync(string input)
    {
        var output = NewOutputDirectory(Path.GetFileNameWithoutExtension(input));
        var progress = new SyncProgress();
        try
        {
            var result = await Pipeline.ProcessVideoAsync(input, output, progress);
            return new RunResult(result, null, output, progress.Items);
        }
        catch (Exception e) when (e is MediaProcessingException)
        {
            return new RunResult(null, e, output, progress.Items);
        }
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool (order not kept); tests want the exact sequence.</summary>
    public sealed class SyncProgress : IProgress<MediaProgress>
    {
        private readonly List<MediaProgress> _items = [];
        public IReadOnlyList<MediaProgress> Items { get { lock (_items) return [.. _items]; } }
        public void Report(MediaProgress value) { lock (_items) _items.Add(value); }
    }

    private void Generate()
    {
        const string fast = "-c:v libx264 -preset ultrafast -crf 18";
        Ffmpeg($"-f lavfi -i testsrc2=size=1920x1080:rate=30:duration=3 -f lavfi -i sine=frequency=440:sample_rate=48000:duration=3 -ac 2 {fast} -pix_fmt yuv420p -c:a aac -b:a 128k -shortest", Landscape);
        // 720p, 6 s: both rungs, and the shared 720p rung needs two HLS segments.
        Ffmpeg($"-f lavfi -i testsrc2=size=1280x720:rate=25:duration=6 -f lavfi -i sine=frequency=550:sample_rate=48000:duration=6 -ac 2 {fast} -pix_fmt yuv420p -c:a aac -shortest", Landscape720p6s);
        // Rotation as phones write it: landscape pixels, display matrix saying "turn 90°" (display 1080x1920).
        var unrotated = Input("portrait-source.mp4");
        Ffmpeg($"-f lavfi -i testsrc2=size=1920x1080:rate=30:duration=2 -f lavfi -i sine=frequency=660:sample_rate=44100:duration=2 {fast} -pix_fmt yuv420p -c:a aac -shortest", unrotated);
        Ffmpeg("-c copy -metadata:s:v rotate=90", Portrait, unrotated);
        // 6 s (tiny picture, cheap) so HLS needs more than one 4 s segment.
        Ffmpeg($"-f lavfi -i testsrc2=size=640x360:rate=25:duration=6 -f lavfi -i sine=frequency=330:sample_rate=44100:duration=6 {fast} -pix_fmt yuv420p -c:a aac -shortest", Small360);
        Ffmpeg($"-f lavfi -i testsrc2=size=1280x720:rate=25:duration=2 {fast} -pix_fmt yuv420p", NoAudio);
        // x264 4:2:0 cannot store odd sizes; 4:4:4 can, and converting it back is part of the test.
        Ffmpeg($"-f lavfi -i testsrc2=size=640x360:rate=25:duration=2 -vf scale=641:361,setsar=1 {fast} -pix_fmt yuv444p", Odd);
        // 60 fps for the first second, then every 4th frame (15 fps): variable rate, r_frame_rate 60, average ~30.
        Ffmpeg($"-f lavfi -i testsrc2=size=1280x720:rate=60:duration=2 -f lavfi -i sine=sample_rate=48000:duration=2 -vf select='lt(t\\,1)+not(mod(n\\,4))' -fps_mode vfr {fast} -pix_fmt yuv420p -c:a aac -shortest", Vfr);
        // Without +faststart the moov is written last; half the file is an upload cut short.
        var bytes = File.ReadAllBytes(Landscape);
        File.WriteAllBytes(Truncated, bytes[..(bytes.Length / 2)]);
        File.WriteAllText(NotVideo, "教案：第一课。This is a lesson plan, not a video.\n");
    }

    private static void Ffmpeg(string arguments, string output, string? input = null)
    {
        var ffmpeg = ToolLocator.Find(null, "ffmpeg")
            ?? throw new InvalidOperationException("ffmpeg is required (RESOURCEHUB_REQUIRE_FFMPEG is set) but was not found on PATH.");
        var start = new ProcessStartInfo(ffmpeg) { RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in new[] { "-hide_banner", "-nostdin", "-y", "-loglevel", "error" })
            start.ArgumentList.Add(a);
        if (input is not null)
        {
            start.ArgumentList.Add("-i");
            start.ArgumentList.Add(input);
        }
        foreach (var a in SplitArguments(arguments))
            start.ArgumentList.Add(a);
        start.ArgumentList.Add(output);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"Generating {Path.GetFileName(output)} failed: {stderr}");
    }

    // Test-only convenience: the generator strings above contain no quoted spaces.
    private static IEnumerable<string> SplitArguments(string arguments) =>
        arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => a.Replace("'", ""));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Temp folder; leaving it is harmless.
        }
    }
}
