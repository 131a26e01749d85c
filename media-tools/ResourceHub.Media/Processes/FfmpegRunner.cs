using ResourceHub.Media.Pipeline;
using ResourceHub.Media.Probing;

namespace ResourceHub.Media.Processes;

/// <summary>
/// Runs ffmpeg and ffprobe, turns their -progress output into snapshots and their failures into
/// <see cref="MediaProcessingException"/>s. Argument lists come from <see cref="Commands.FfmpegCommands"/>.
/// </summary>
public sealed class FfmpegRunner(MediaToolOptions options, ProcessRunner? processRunner = null)
{
    private readonly ProcessRunner _processRunner = processRunner ?? new ProcessRunner();

    public MediaToolOptions Options { get; } = options;

    public string FfmpegPath => ToolLocator.Find(Options.FfmpegPath, "ffmpeg") ?? throw Missing("ffmpeg");

    public string FfprobePath => ToolLocator.Find(Options.FfprobePath, "ffprobe") ?? throw Missing("ffprobe");

    /// <summary>Runs ffmpeg; throws on a non-zero exit, timeout (tree killed) or cancellation.</summary>
    /// <param name="arguments">Must contain <c>-progress pipe:1</c> for <paramref name="onProgress"/> to fire.</param>
    public async Task<ToolResult> RunFfmpegAsync(
        IReadOnlyList<string> arguments,
        TimeSpan timeout,
        Action<ProgressSnapshot>? onProgress = null,
        CancellationToken cancellationToken = default)
    {
        var parser = new ProgressParser();
        void OnLine(string line)
        {
            if (parser.Feed(line) is { } snapshot)
                onProgress?.Invoke(snapshot);
        }
        return await RunCheckedAsync(FfmpegPath, arguments, timeout, OnLine, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs ffprobe and returns its stdout; throws on failure.</summary>
    public async Task<string> RunFfprobeAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        var result = await RunCheckedAsync(FfprobePath, arguments, Options.ShortTimeout, null, cancellationToken).ConfigureAwait(false);
        return result.StdOut;
    }

    public async Task<MediaProbe> ProbeAsync(string path, CancellationToken cancellationToken = default) =>
        ProbeParser.Parse(await RunFfprobeAsync(Commands.FfmpegCommands.Probe(path), cancellationToken).ConfigureAwait(false));

    /// <summary>Runs any tool through the same timeout, priority and error mapping.</summary>
    public async Task<ToolResult> RunCheckedAsync(
        string tool,
        IReadOnlyList<string> arguments,
        TimeSpan timeout,
        Action<string>? onStdoutLine,
        CancellationToken cancellationToken)
    {
        ToolResult result;
        try
        {
            result = await _processRunner.RunAsync(tool, arguments, timeout, onStdoutLine, cancellationToken).ConfigureAwait(false);
        }
        catch (ToolTimeoutException e)
        {
            throw new MediaProcessingException(new MediaError(MediaErrorCode.Timeout, e.Message, IsTransient: true, e.StderrTail));
        }
        if (!result.Succeeded)
            throw new MediaProcessingException(FailureClassifier.Classify(tool, result.ExitCode, result.StderrTail));
        return result;
    }

    private static MediaProcessingException Missing(string tool) =>
        new(new MediaError(MediaErrorCode.ToolMissing, $"{tool} was not found (configure its path or install it).", IsTransient: true));
}
