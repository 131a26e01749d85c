namespace ResourceHub.Media.Pipeline;

/// <summary>
/// Maps a failed tool run to a <see cref="MediaError"/>. Retrying a broken upload only burns CPU,
/// so anything that is a property of the input is deterministic; unknown failures (disk full,
/// out of memory, killed) are treated as transient and left to the job layer's retry limit.
/// </summary>
public static class FailureClassifier
{
    private static readonly (string Marker, MediaErrorCode Code, string Message)[] InputProblems =
    [
        ("moov atom not found", MediaErrorCode.Truncated, "The file is incomplete: its MP4 index (moov) is missing. Please upload it again."),
        ("Invalid data found when processing input", MediaErrorCode.NotMedia, "The file is not a video or audio format that can be read."),
        ("End of file", MediaErrorCode.Truncated, "The file ends unexpectedly; it was probably cut short during upload."),
        ("Truncating packet", MediaErrorCode.Truncated, "The file ends unexpectedly; it was probably cut short during upload."),
        ("partial file", MediaErrorCode.Truncated, "The file ends unexpectedly; it was probably cut short during upload."),
        ("could not find codec parameters", MediaErrorCode.Unsupported, "The file's streams cannot be decoded."),
        ("Decoder (codec", MediaErrorCode.Unsupported, "The file uses a codec that cannot be decoded."),
        ("Unknown decoder", MediaErrorCode.Unsupported, "The file uses a codec that cannot be decoded."),
    ];

    public static MediaError Classify(string tool, int exitCode, string stderrTail)
    {
        foreach (var (marker, code, message) in InputProblems)
        {
            if (stderrTail.Contains(marker, StringComparison.OrdinalIgnoreCase))
                return new MediaError(code, message, IsTransient: false, stderrTail, exitCode);
        }
        return new MediaError(
            MediaErrorCode.ToolFailed,
            $"{Path.GetFileName(tool)} exited with code {exitCode}.",
            IsTransient: true,
            stderrTail,
            exitCode);
    }
}
