namespace ResourceHub.Blobs.Sniffing;

/// <summary>Groups of media types that share one byte signature, so a declaration and a sniff can be compared.</summary>
internal enum MediaTypeFamily
{
    IsoMedia, Heif, Matroska, Avi, Flv, MpegTs, Mp3, Aac, Wav, Jpeg, Png, Gif, WebP, Pdf, Zip, Ole2, Text,
}

internal static class MediaTypeFamilies
{
    private static readonly Dictionary<string, MediaTypeFamily> Exact = new(StringComparer.Ordinal)
    {
        // mp4 and mov are one container format; the brand is only a hint, so they are interchangeable.
        ["video/mp4"] = MediaTypeFamily.IsoMedia,
        ["video/quicktime"] = MediaTypeFamily.IsoMedia,
        ["video/x-m4v"] = MediaTypeFamily.IsoMedia,
        ["video/3gpp"] = MediaTypeFamily.IsoMedia,
        ["video/3gpp2"] = MediaTypeFamily.IsoMedia,
        ["audio/mp4"] = MediaTypeFamily.IsoMedia,
        ["audio/m4a"] = MediaTypeFamily.IsoMedia,
        ["audio/x-m4a"] = MediaTypeFamily.IsoMedia,
        ["audio/3gpp"] = MediaTypeFamily.IsoMedia,
        ["image/heic"] = MediaTypeFamily.Heif,
        ["image/heif"] = MediaTypeFamily.Heif,
        ["image/avif"] = MediaTypeFamily.Heif,
        ["video/webm"] = MediaTypeFamily.Matroska,
        ["audio/webm"] = MediaTypeFamily.Matroska,
        ["video/x-matroska"] = MediaTypeFamily.Matroska,
        ["audio/x-matroska"] = MediaTypeFamily.Matroska,
        ["video/x-msvideo"] = MediaTypeFamily.Avi,
        ["video/avi"] = MediaTypeFamily.Avi,
        ["video/msvideo"] = MediaTypeFamily.Avi,
        ["video/x-flv"] = MediaTypeFamily.Flv,
        ["video/mp2t"] = MediaTypeFamily.MpegTs,
        ["audio/mpeg"] = MediaTypeFamily.Mp3,
        ["audio/mp3"] = MediaTypeFamily.Mp3,
        ["audio/mpeg3"] = MediaTypeFamily.Mp3,
        ["audio/x-mpeg-3"] = MediaTypeFamily.Mp3,
        ["audio/x-mp3"] = MediaTypeFamily.Mp3,
        ["audio/aac"] = MediaTypeFamily.Aac,
        ["audio/x-aac"] = MediaTypeFamily.Aac,
        ["audio/aacp"] = MediaTypeFamily.Aac,
        ["audio/wav"] = MediaTypeFamily.Wav,
        ["audio/x-wav"] = MediaTypeFamily.Wav,
        ["audio/wave"] = MediaTypeFamily.Wav,
        ["audio/vnd.wave"] = MediaTypeFamily.Wav,
        ["image/jpeg"] = MediaTypeFamily.Jpeg,
        ["image/jpg"] = MediaTypeFamily.Jpeg,
        ["image/pjpeg"] = MediaTypeFamily.Jpeg,
        ["image/png"] = MediaTypeFamily.Png,
        ["image/gif"] = MediaTypeFamily.Gif,
        ["image/webp"] = MediaTypeFamily.WebP,
        ["application/pdf"] = MediaTypeFamily.Pdf,
        ["application/x-pdf"] = MediaTypeFamily.Pdf,
        ["application/zip"] = MediaTypeFamily.Zip,
        ["application/x-zip-compressed"] = MediaTypeFamily.Zip,
        ["application/epub+zip"] = MediaTypeFamily.Zip,
        ["application/vnd.ms-word.document.macroenabled.12"] = MediaTypeFamily.Zip,
        ["application/vnd.ms-powerpoint.presentation.macroenabled.12"] = MediaTypeFamily.Zip,
        ["application/vnd.ms-excel.sheet.macroenabled.12"] = MediaTypeFamily.Zip,
        ["application/msword"] = MediaTypeFamily.Ole2,
        ["application/vnd.ms-powerpoint"] = MediaTypeFamily.Ole2,
        ["application/vnd.ms-excel"] = MediaTypeFamily.Ole2,
        ["application/x-ole-storage"] = MediaTypeFamily.Ole2,
        ["application/json"] = MediaTypeFamily.Text,
        ["application/xml"] = MediaTypeFamily.Text,
        ["application/javascript"] = MediaTypeFamily.Text,
        ["application/x-subrip"] = MediaTypeFamily.Text,
        ["application/vnd.apple.mpegurl"] = MediaTypeFamily.Text,
        ["application/x-mpegurl"] = MediaTypeFamily.Text,
    };

    /// <summary>Lowercase type/subtype without parameters: <c>Text/Plain; charset=UTF-8</c> gives <c>text/plain</c>.</summary>
    public static string Normalize(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
            return "";
        var semicolon = contentType.IndexOf(';');
        var type = semicolon < 0 ? contentType : contentType[..semicolon];
        return type.Trim().ToLowerInvariant();
    }

    /// <summary>Declarations that say "some bytes" rather than a type.</summary>
    public static bool IsGeneric(string normalized) =>
        normalized is "application/octet-stream" or "binary/octet-stream" or "application/unknown";

    /// <summary>The family of a normalised media type, or null when its bytes cannot be judged here.</summary>
    public static MediaTypeFamily? Of(string normalized)
    {
        if (Exact.TryGetValue(normalized, out var family))
            return family;
        // docx, pptx, xlsx and their templates; odt, odp, ods: all zips.
        if (normalized.StartsWith("application/vnd.openxmlformats-officedocument.", StringComparison.Ordinal)
            || normalized.StartsWith("application/vnd.oasis.opendocument.", StringComparison.Ordinal))
            return MediaTypeFamily.Zip;
        if (normalized.StartsWith("text/", StringComparison.Ordinal)
            || normalized.EndsWith("+xml", StringComparison.Ordinal)
            || normalized.EndsWith("+json", StringComparison.Ordinal))
            return MediaTypeFamily.Text;
        return null;
    }
}
