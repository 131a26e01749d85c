using System.Net;
using Microsoft.Net.Http.Headers;

namespace ResourceHub.Api.Resources;

/// <summary>
/// The original file name of an upload (Content-Disposition filename* / filename, else Slug) and its
/// safe echo in a download's Content-Disposition (RFC 6266 + RFC 5987, so Chinese names survive).
/// </summary>
public static class UploadFileName
{
    public const int MaxLength = 255;
    private const string Fallback = "file";

    public static string From(HttpRequest request)
    {
        var raw = request.Headers.ContentDisposition.ToString();
        string? name = null;
        if (raw.Length > 0 && ContentDispositionHeaderValue.TryParse(raw, out var cd))
            name = cd.FileNameStar.HasValue ? cd.FileNameStar.Value : HeaderUtilities.RemoveQuotes(cd.FileName).Value;
        if (string.IsNullOrWhiteSpace(name) && request.Headers["Slug"].ToString() is { Length: > 0 } slug)
            name = WebUtility.UrlDecode(slug);
        return Clean(name);
    }

    /// <summary>Keeps the last path part, drops control characters and caps the length.</summary>
    public static string Clean(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return Fallback;
        var last = name.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        var cleaned = new string(last.Where(c => !char.IsControl(c) && c != '"').ToArray()).Trim();
        if (cleaned is "" or "." or "..")
            return Fallback;
        return cleaned.Length <= MaxLength ? cleaned : cleaned[..MaxLength];
    }

    public static string ContentDisposition(string fileName)
    {
        var header = new ContentDispositionHeaderValue("attachment");
        header.SetHttpFileName(fileName);
        return header.ToString();
    }
}
