namespace ResourceHub.Web.Hosting;

/// <summary>
/// The web pages' Content-Security-Policy: scripts and styles only from our own files (no inline code, so injected
/// markup cannot run), media from us or the player's blob: buffers, no framing. The host's SecurityHeaders
/// middleware sends it on every HTML response.
/// </summary>
public static class WebSecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' blob:; " +
        "connect-src 'self'; worker-src 'self' blob:; font-src 'self'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'";
}
