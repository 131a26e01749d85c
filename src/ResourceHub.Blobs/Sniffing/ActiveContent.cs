namespace ResourceHub.Blobs.Sniffing;

/// <summary>
/// Types a browser would run or render as a page (scripts, HTML, SVG, XML with stylesheets, Flash). An upload
/// keeps its declared type as metadata, but such files are served as application/octet-stream so opening a
/// download link can never execute an uploader's script in our origin.
/// </summary>
public static class ActiveContent
{
    public const string SafeType = "application/octet-stream";

    private static readonly HashSet<string> Types = new(StringComparer.Ordinal)
    {
        "text/html", "application/xhtml+xml", "image/svg+xml", "text/xml", "application/xml", "text/xsl", "application/xslt+xml",
        "application/javascript", "application/x-javascript", "text/javascript", "application/ecmascript", "text/ecmascript",
        "text/jscript", "application/x-shockwave-flash", "application/vnd.adobe.flash.movie", "multipart/x-mixed-replace",
        "application/hta", "text/x-component", "application/x-httpd-php", "text/cache-manifest", "application/wasm",
    };

    public static bool IsActive(string? contentType)
    {
        var type = MediaTypeFamilies.Normalize(contentType);
        return Types.Contains(type) || type.EndsWith("+xml", StringComparison.Ordinal) || type.Contains("javascript", StringComparison.Ordinal);
    }

    /// <summary>The type to put on a response that serves a stored file of <paramref name="contentType"/>.</summary>
    public static string ServedType(string contentType) => IsActive(contentType) ? SafeType : contentType;
}
