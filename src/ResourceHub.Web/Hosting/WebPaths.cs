using Microsoft.AspNetCore.Http;

namespace ResourceHub.Web.Hosting;

/// <summary>Which requests are the web app's: everything but the API (/odata), media files and health.</summary>
public static class WebPaths
{
    // /uploads: the tus endpoint (ResumableUploads) answers with OData error JSON like the API.
    private static readonly PathString[] NotWeb = ["/odata", "/media", "/health", "/uploads"];

    public static bool IsWeb(PathString path) => !NotWeb.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
}
