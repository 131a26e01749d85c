using Microsoft.Net.Http.Headers;
using ResourceHub.Blobs;

namespace ResourceHub.Application.Resources;

/// <summary>
/// The declared Content-Type of an upload, checked before a byte is read: a clear 400 for a header that is
/// no media type or too long to store, and only <c>type/subtype</c> (plus a charset) is kept.
/// </summary>
public static class UploadContentType
{
    public static string Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
            return BlobContentType.Default;
        if (header.Length > BlobContentType.MaxLength)
            throw Invalid($"Content-Type 过长（超过 {BlobContentType.MaxLength} 个字符） (Content-Type is longer than {BlobContentType.MaxLength} characters)");
        if (!MediaTypeHeaderValue.TryParse(header, out var parsed) || parsed.MediaType is not { Length: > 0 } type
            || type.Value!.Contains('*') || !IsToken(type.Value.Replace("/", "")) || type.Value.Count(c => c == '/') != 1
            || type.Value.StartsWith('/') || type.Value.EndsWith('/')
            || parsed.Parameters.Any(p => p.Name.Length == 0 || p.Value.Length == 0)) // "boundary=": a parameter needs a value
            throw Invalid("Content-Type 不是有效的媒体类型，应为“类型/子类型”，如 video/mp4 (Content-Type is not a valid media type)");
        var value = type.Value.ToLowerInvariant();
        if (parsed.Charset is { Length: > 0 } charset && IsToken(charset.Value!))
            value += "; charset=" + charset.Value!.ToLowerInvariant();
        return value;
    }

    private static bool IsToken(string s) =>
        s.Length > 0 && s.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c));

    private static AppError Invalid(string message) =>
        new(AppErrorKind.BadRequest, message, "Content-Type", "InvalidContentType");
}
