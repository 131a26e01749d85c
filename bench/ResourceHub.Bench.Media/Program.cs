using System.Diagnostics;
using System.Globalization;
using ResourceHub.Media;
using ResourceHub.Media.Commands;
using ResourceHub.Media.Pipeline;
using ResourceHub.Media.Processes;
using ResourceHub.Media.Verification;

// Compares the pipeline's 720p MP4 step with the very same ffmpeg argument list run directly,
// so any overhead of the runner/verification shows up as a ratio, and measures the bitrate cap.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
const double CapBitsPerSecond = 1_400_000;
const int ClipSeconds = 60;
const int Rounds = 4;

var work = Directory.CreateTempSubdirectory("resourcehub-bench-media").FullName;
try
{
    var pipeline = new MediaPipeline();
    var runner = new FfmpegRunner(pipeline.Tools);
    var input = Path.Combine(work, "lesson-1080p30.mp4");

    Console.WriteLine($"Generating {ClipSeconds} s 1080p30 clip with stereo audio...");
    var generate = Stopwatch.StartNew();
    await runner.RunFfmpegAsync(
        ["-hide_banner", "-nostdin", "-y", "-loglevel", "error",
         "-f", "lavfi", "-i", $"testsrc2=size=1920x1080:rate=30:duration={ClipSeconds}",
         "-f", "lavfi", "-i", $"sine=frequency=440:sample_rate=48000:duration={ClipSeconds}",
         "-ac", "2", "-c:v", "libx264", "-preset", "ultrafast", "-crf", "18", "-pix_fmt", "yuv420p",
         "-c:a", "aac", "-b:a", "192k", "-shortest", input],
        TimeSpan.FromMinutes(10));
    Console.WriteLine($"  done in {generate.Elapsed.TotalSeconds:0.0} s, {new FileInfo(input).Length / 1e6:0.0} MB");

    var probe = await pipeline.ProbeVideoAsync(input);
    var plan = TranscodePlan.Create(probe, pipeline.Commands.Settings);
    var clipSeconds = plan.Duration.TotalSeconds;

    var direct = new List<double>();
    var piped = new List<double>();
    var directCpu = new List<double>();
    var pipedCpu = new List<double>();
    RenditionOutput? output = null;
    string? outputDirectory = null;
    // Alternate which goes first, so background load (a parallel build) and cache state hit both alike.
    for (var round = 1; round <= Rounds; round++)
    {
        if (round % 2 == 1)
        {
            RunDirectRound(round);
            await RunPipelineRound(round);
        }
        else
        {
            await RunPipelineRound(round);
            RunDirectRound(round);
        }
    }

    void RunDirectRound(int round)
    {
        var arguments = pipeline.Commands.Mp4(plan, input, Path.Combine(work, $"direct-{round}.mp4"));
        var cpu = CpuUsage.Now();
        direct.Add(RunDirect(ToolLocator.Find(pipeline.Tools.FfmpegPath, "ffmpeg")!, arguments));
        directCpu.Add(CpuUsage.Now() - cpu);
        Console.WriteLine($"  round {round}: direct   {direct[^1]:0.00} s wall, {directCpu[^1]:0.00} s CPU");
    }

    async Task RunPipelineRound(int round)
    {
        outputDirectory = Path.Combine(work, $"pipeline-{round}");
        Directory.CreateDirectory(outputDirectory);
        var cpu = CpuUsage.Now();
        var clock = Stopwatch.StartNew();
        output = await pipeline.CreateMp4Async(plan, input, outputDirectory, null, CancellationToken.None);
        piped.Add(clock.Elapsed.TotalSeconds);
        pipedCpu.Add(CpuUsage.Now() - cpu);
        Console.WriteLine($"  round {round}: pipeline {piped[^1]:0.00} s wall, {pipedCpu[^1]:0.00} s CPU (includes ffprobe verification and moov check)");
    }

    var packets = PacketBitrate.Parse(await runner.RunFfprobeAsync(FfmpegCommands.Packets(Path.Combine(outputDirectory!, output!.RelativePath))));
    var peak = PacketBitrate.PeakBitsPerSecond(packets);
    var peakVideo = PacketBitrate.PeakBitsPerSecond(packets.Where(p => p.StreamIndex == 0).ToList());

    Console.WriteLine();
    Console.WriteLine($"clip                 {clipSeconds:0.0} s 1080p30 + AAC -> {output.Width}x{output.Height} (preset {pipeline.Commands.Settings.Preset}, crf {pipeline.Commands.Settings.Crf}, video maxrate {plan.Mp4.Rung.VideoMaxrateKbps}k, bufsize {plan.Mp4.Rung.VideoBufsizeKbps}k, audio {plan.Mp4.Rung.AudioKbps}k)");
    Console.WriteLine($"direct ffmpeg        {Describe(direct)}");
    Console.WriteLine($"pipeline 720p step   {Describe(piped)}");
    var roundRatios = piped.Zip(direct, (p, d) => p / d).ToList(); // per round, same position in the list
    Console.WriteLine($"ratio pipeline/direct median {Median(piped) / Median(direct):0.000}x, mean {piped.Average() / direct.Average():0.000}x, best-vs-best {piped.Min() / direct.Min():0.000}x, per round {string.Join(" ", roundRatios.Select(r => $"{r:0.000}"))}  (goal <= 1.05x)");
    if (CpuUsage.Available)
        Console.WriteLine($"CPU ratio            {pipedCpu.Sum() / directCpu.Sum():0.000}x (ffmpeg + ffprobe children + this process; insensitive to other load)  direct {directCpu.Average():0.00} s, pipeline {pipedCpu.Average():0.00} s per run");
    Console.WriteLine($"realtime factor      direct {clipSeconds / direct.Average():0.00}x, pipeline {clipSeconds / piped.Average():0.00}x (clip seconds per wall second)");
    Console.WriteLine($"average bitrate      {output.BitRate / 1000.0:0} kbit/s ({output.SizeBytes / 1e6:0.00} MB)");
    Console.WriteLine($"peak over 1 s        {peak / 1000:0} kbit/s total (video alone {peakVideo / 1000:0}) vs cap {CapBitsPerSecond / 1000:0} kbit/s -> {(peak <= CapBitsPerSecond ? "within cap" : "OVER CAP")}");
    return peak <= CapBitsPerSecond ? 0 : 1;
}
finally
{
    Directory.Delete(work, recursive: true);
}

static double RunDirect(string ffmpeg, IReadOnlyList<string> arguments)
{
    var start = new ProcessStartInfo(ffmpeg)
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        RedirectStandardInput = true,
        UseShellExecute = false,
    };
    foreach (var argument in arguments)
        start.ArgumentList.Add(argument);
    var clock = Stopwatch.StartNew();
    using var process = Process.Start(start)!;
    // Same priority as the pipeline, so the ratio measures our overhead rather than the scheduler.
    try { process.PriorityClass = ProcessPriorityClass.BelowNormal; } catch (InvalidOperationException) { }
    process.StandardInput.Close();
    var stderr = process.StandardError.ReadToEndAsync();
    process.StandardOutput.ReadToEnd(); // -progress pipe:1 output, drained as the pipeline does
    process.WaitForExit();
    if (process.ExitCode != 0)
        throw new InvalidOperationException($"ffmpeg failed: {stderr.Result}");
    return clock.Elapsed.TotalSeconds;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static string Describe(List<double> seconds) =>
    $"{string.Join(", ", seconds.Select(s => $"{s:0.00} s"))} (median {Median(seconds):0.00} s, mean {seconds.Average():0.00} s)";
