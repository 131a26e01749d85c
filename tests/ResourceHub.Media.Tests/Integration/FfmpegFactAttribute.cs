using ResourceHub.Media.Processes;

namespace ResourceHub.Media.Tests.Integration;

/// <summary>
/// Skips (with the reason printed by the runner) only when ffmpeg is missing AND
/// RESOURCEHUB_REQUIRE_FFMPEG is unset; the project's test script sets it so CI cannot skip silently.
/// </summary>
public sealed class FfmpegFactAttribute : FactAttribute
{
    public FfmpegFactAttribute()
    {
        if (SkipReason() is { } reason)
            Skip = reason;
    }

    public static bool ToolsPresent =>
        ToolLocator.Find(null, "ffmpeg") is not null && ToolLocator.Find(null, "ffprobe") is not null;

    internal static string? SkipReason() =>
        SkipReason(ToolsPresent, Environment.GetEnvironmentVariable("RESOURCEHUB_REQUIRE_FFMPEG"));

    internal static string? SkipReason(bool toolsPresent, string? requireFfmpeg) =>
        toolsPresent || !string.IsNullOrEmpty(requireFfmpeg)
            ? null
            : "ffmpeg/ffprobe not found on PATH and RESOURCEHUB_REQUIRE_FFMPEG is unset (install ffmpeg to run media tests).";
}
