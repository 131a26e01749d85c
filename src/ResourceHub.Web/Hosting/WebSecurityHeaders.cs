using Microsoft.AspNetCore.Http;

namespace ResourceHub.Web.Hosting;

/// <summary>
/// The browser-side rules of every web page, set in this one place: scripts and styles only from our own files
/// (no inline code, so injected markup cannot run), media from us or the player's blob: buffers, no framing.
/// </summary>
public sealed class WebSecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' blob:; " +
        "connect-src 'self'; worker-src 'self' blob:; font-src 'self'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h.ContentSecurityPolicy = ContentSecurityPolicy;
            h.XContentTypeOptions = "nosniff";
            h["Referrer-Policy"] = "same-origin";
            h.XFrameOptions = "DENY";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
