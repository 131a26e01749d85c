namespace ResourceHub.Media.Pipeline;

public enum MediaErrorCode
{
    /// <summary>Not a media file ffmpeg can read (e.g. a document renamed .mp4).</summary>
    NotMedia,
    /// <summary>Upload cut short: the MP4 index (moov) or data is missing.</summary>
    Truncated,
    /// <summary>Readable, but nothing we can make renditions from (no video stream, zero size, unknown duration).</summary>
    Unsupported,
    /// <summary>A required tool (ffmpeg/ffprobe) is not installed.</summary>
    ToolMissing,
    /// <summary>The tool was killed after its time limit.</summary>
    Timeout,
    /// <summary>The tool failed for a reason not recognised as a property of the input.</summary>
    ToolFailed,
    /// <summary>A document LibreOffice cannot open (damaged, password-protected).</summary>
    Unconvertible,
    /// <summary>The tool reported success but its output is not what we asked for.</summary>
    VerificationFailed,
}

/// <summary>Why a media job failed, and whether running it again could help.</summary>
public sealed record MediaError(MediaErrorCode Code, string Message, bool IsTransient, string? ToolOutput = null, int? ExitCode = null);

/// <summary>Thrown by the pipeline; the job layer reads <see cref="Error"/> to decide between retry and give-up.</summary>
public sealed class MediaProcessingException(MediaError error)
    : Exception(error.Message + (string.IsNullOrEmpty(error.ToolOutput) ? "" : "\n" + error.ToolOutput))
{
    public MediaError Error { get; } = error;
    public bool IsTransient => Error.IsTransient;
}
