using System.Globalization;
using System.Net;
using System.Text;
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

    /// <summary>
    /// Keeps the last path part, drops control and invisible format characters (bidi overrides such as U+202E
    /// make "exe.pdf" look like "fdp.exe"; zero-width marks hide text) and caps the length.
    /// </summary>
    public static string Clean(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return Fallback;
        var last = name.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        // By rune: characters outside the BMP (rare 汉字, emoji) stay; a lone surrogate is dropped.
        var cleaned = string.Concat(last.EnumerateRunes().Where(IsKept).Select(r => r.ToString())).Trim();
        if (cleaned is "" or "." or "..")
            return Fallback;
        if (cleaned.Length <= MaxLength)
            return cleaned;
        return cleaned[..(char.IsHighSurrogate(cleaned[MaxLength - 1]) ? MaxLength - 1 : MaxLength)]; // never half a pair
    }

    private static bool IsKept(Rune r) =>
        r.Value != '"' && r != Rune.ReplacementChar && Rune.GetUnicodeCategory(r) is not (UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse);

    /// <summary>Cleaned again on the way out, so names stored before a rule existed are safe too.</summary>
    public static string ContentDisposition(string fileName)
    {
        var header = new ContentDispositionHeaderValue("attachment");
        header.SetHttpFileName(Clean(fileName));
        return header.ToString();
    }
}
