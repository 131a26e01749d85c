using ResourceHub.Media.Pipeline;

namespace ResourceHub.Api.Media;

public enum MediaKind
{
    Video,
    Image,
    Pdf,
    /// <summary>PowerPoint, Word, Excel or OpenDocument: converted to PDF by LibreOffice, then previewed as a PDF.</summary>
    Office,
    Other,
}

/// <summary>Which pipeline an upload goes through, from its stored content type and file name.</summary>
public static class MediaKinds
{
    // A file named like a video is treated as one even when its bytes were sniffed as something
    // else, so "notes.txt renamed to lesson.mp4" ends in a clear error rather than silence.
    private static readonly HashSet<string> VideoExtensions =
        new(StringComparer.OrdinalIgnoreCase) { ".mp4", ".m4v", ".mov", ".mkv", ".webm", ".avi", ".flv", ".ts", ".wmv", ".mpg", ".mpeg", ".3gp" };

    public static MediaKind Of(string contentType, string fileName)
    {
        var type = contentType.Split(';')[0].Trim().ToLowerInvariant();
        if (type.StartsWith("video/", StringComparison.Ordinal) || VideoExtensions.Contains(Path.GetExtension(fileName)))
            return MediaKind.Video;
        return type switch
        {
            "image/jpeg" or "image/png" or "image/webp" => MediaKind.Image,
            "application/pdf" => MediaKind.Pdf,
            _ when OfficeConverter.Converts(Path.GetExtension(fileName)) => MediaKind.Office,
            _ => MediaKind.Other,
        };
    }

    /// <summary>The upload's extension if it is plain (letters and digits), for ffmpeg's format guess; else none.</summary>
    public static string SafeExtension(string fileName)
    {
        var ext = Path.GetExtension(fileName);
        return ext.Length is > 1 and <= 6 && ext[1..].All(char.IsAsciiLetterOrDigit) ? ext.ToLowerInvariant() : "";
    }
}
