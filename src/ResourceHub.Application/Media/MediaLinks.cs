using System.Security.Cryptography;
using System.Text;

namespace ResourceHub.Application.Media;

/// <summary>
/// Signed, short-lived media URLs: /media/s/{token}/{what}. Native players (video, img, a download link)
/// cannot send a bearer header, so the page signs a link for the signed-in user; the media endpoint checks
/// the signature and expiry, then serves under that user's visibility like any other read. The one place
/// links are signed and checked.
/// </summary>
public sealed class MediaLinks(byte[] key, TimeProvider clock)
{
    public const string Prefix = "/media/s";

    /// <summary>How long a link works: a lesson plays to its end.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(3);

    /// <summary>Expiry is rounded up to this, so a page's links stay the same (and cacheable) for a while.</summary>
    private static readonly TimeSpan Bucket = TimeSpan.FromMinutes(30);

    private static readonly byte[] Purpose = Encoding.UTF8.GetBytes("resourcehub-media-url|");

    /// <summary>The URL of <paramref name="what"/> (file, a rendition kind, or hls/master.m3u8) of a resource for this user.</summary>
    public string Url(Guid resourceId, string userId, string what) => $"{Prefix}/{Token(resourceId, userId)}/{what}";

    public string Token(Guid resourceId, string userId)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var bucket = (long)Bucket.TotalSeconds;
        var expires = (now + (long)Lifetime.TotalSeconds + bucket - 1) / bucket * bucket;
        var payload = $"{resourceId:N}.{expires}.{Base64Url(Encoding.UTF8.GetBytes(userId))}";
        return payload + "." + Base64Url(Sign(payload));
    }

    /// <summary>The resource and user a valid, unexpired token was signed for; null otherwise.</summary>
    public (Guid ResourceId, string UserId)? Verify(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 4 || !Guid.TryParseExact(parts[0], "N", out var id) || !long.TryParse(parts[1], out var expires))
            return null;
        if (expires < clock.GetUtcNow().ToUnixTimeSeconds())
            return null;
        var payload = string.Join('.', parts[..3]);
        var given = FromBase64Url(parts[3]);
        var user = FromBase64Url(parts[2]);
        if (given is null || user is null || !CryptographicOperations.FixedTimeEquals(given, Sign(payload)))
            return null;
        return (id, Encoding.UTF8.GetString(user));
    }

    private byte[] Sign(string payload) => HMACSHA256.HashData(key, Purpose.Concat(Encoding.UTF8.GetBytes(payload)).ToArray());

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - base64.Length % 4) % 4);
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
