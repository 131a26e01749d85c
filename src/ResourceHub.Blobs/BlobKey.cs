using System.Text;

namespace ResourceHub.Blobs;

/// <summary>
/// Rules for blob keys, shared by all adapters so a key valid for one store is valid for all:
/// slash-separated segments of letters, digits (any script, so Chinese names work) and <c>- _ . = @ +</c>.
/// Besides safety (no <c>..</c>, no absolute paths, no backslashes) this keeps keys mappable to file names
/// on the local store and leaves <c>~</c> free for its temporary files.
/// </summary>
public static class BlobKey
{
    /// <summary>S3's limit for a key, in UTF-8 bytes.</summary>
    public const int MaxKeyBytes = 1024;

    /// <summary>Common file-system limit for one path segment, in UTF-8 bytes.</summary>
    public const int MaxSegmentBytes = 255;

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="key"/> is a valid blob key.</summary>
    public static void Validate(string key, string paramName = "key")
    {
        var error = FindError(key, allowPrefix: false);
        if (error is not null)
            throw new ArgumentException($"Invalid blob key '{key}': {error}.", paramName);
    }

    /// <summary>
    /// Throws unless <paramref name="prefix"/> is a valid key prefix: empty, or a key that may end with '/'
    /// or stop in the middle of a segment.
    /// </summary>
    public static void ValidatePrefix(string prefix, string paramName = "prefix")
    {
        ArgumentNullException.ThrowIfNull(prefix, paramName);
        if (prefix.Length == 0)
            return;
        var error = FindError(prefix, allowPrefix: true);
        if (error is not null)
            throw new ArgumentException($"Invalid blob key prefix '{prefix}': {error}.", paramName);
    }

    public static bool IsValid(string? key) => key is not null && FindError(key, allowPrefix: false) is null;

    private static string? FindError(string? key, bool allowPrefix)
    {
        if (string.IsNullOrEmpty(key))
            return "it is empty";
        if (Encoding.UTF8.GetByteCount(key) > MaxKeyBytes)
            return $"it is longer than {MaxKeyBytes} UTF-8 bytes";
        if (key[0] == '/')
            return "it starts with '/'";
        if (key.Contains('\\'))
            return "it contains a backslash";

        var segments = key.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var isLast = i == segments.Length - 1;
            if (segment.Length == 0)
            {
                if (isLast && allowPrefix)
                    continue;
                return isLast ? "it ends with '/'" : "it contains an empty segment ('//')";
            }
            if (segment is "." or "..")
                return $"it contains a '{segment}' segment";
            if (Encoding.UTF8.GetByteCount(segment) > MaxSegmentBytes)
                return $"a segment is longer than {MaxSegmentBytes} UTF-8 bytes";
            foreach (var rune in segment.EnumerateRunes())
            {
                if (!IsAllowed(rune))
                    return $"it contains the character '{rune}' (U+{rune.Value:X4})";
            }
        }
        return null;
    }

    private static bool IsAllowed(Rune rune) =>
        Rune.IsLetterOrDigit(rune) || rune.Value is '-' or '_' or '.' or '=' or '@' or '+';
}
