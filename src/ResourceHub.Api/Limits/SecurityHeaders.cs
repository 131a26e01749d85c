namespace ResourceHub.Api.Limits;

/// <summary>
/// Headers every response carries, set as the response starts (so error bodies get them too):
/// nosniff, a referrer policy, a Content-Security-Policy (the page policy for HTML, nothing at all
/// for anything else), and Cache-Control private on answers to a signed-in caller.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>For HTML pages: the web app's policy (only this origin's files, no inline script, no framing, no plugins).</summary>
    public const string PagePolicy = ResourceHub.Web.Hosting.WebSecurityHeaders.ContentSecurityPolicy;

    /// <summary>For JSON, files and everything else: nothing may run or load if a browser renders it anyway.</summary>
    public const string DataPolicy = "default-src 'none'; frame-ancestors 'none'";

    public const string ReferrerPolicy = "same-origin";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                Apply(context);
                return Task.CompletedTask;
            });
            return next(context);
        });

    public static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = ReferrerPolicy;
        if (!headers.ContainsKey("Content-Security-Policy"))
            headers.ContentSecurityPolicy = IsHtml(context.Response.ContentType) || ResourceHub.Web.Hosting.WebPaths.IsWeb(context.Request.Path)
                ? PagePolicy // a web path's bodiless answer (404, redirect) is still a page to the browser
                : DataPolicy;
        if (IsSignedIn(context))
            headers.CacheControl = Private(headers.CacheControl.ToString());
    }

    private static bool IsHtml(string? contentType) =>
        contentType is not null && (contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)
                                    || contentType.StartsWith("application/xhtml", StringComparison.OrdinalIgnoreCase));

    /// <summary>A credentialed request (even a refused one) may carry someone's data: shared caches must not keep it.</summary>
    private static bool IsSignedIn(HttpContext context) =>
        context.Request.Headers.Authorization.Count > 0 || context.User.Identity?.IsAuthenticated == true;

    /// <summary>"private, no-cache" unless the endpoint chose private or no-store itself; "public" never stays.</summary>
    private static string Private(string current)
    {
        if (current.Length == 0)
            return "private, no-cache";
        var parts = current.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.Equals("public", StringComparison.OrdinalIgnoreCase)).ToList();
        if (!parts.Any(p => p.StartsWith("private", StringComparison.OrdinalIgnoreCase) || p.Equals("no-store", StringComparison.OrdinalIgnoreCase)))
            parts.Insert(0, "private");
        return string.Join(", ", parts);
    }
}
