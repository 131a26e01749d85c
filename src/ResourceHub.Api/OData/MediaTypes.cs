using Microsoft.Net.Http.Headers;

namespace ResourceHub.Api.OData;

/// <summary>
/// Format negotiation: data is JSON only; $metadata is XML (default) or JSON. $format wins over
/// Accept; anything else is a 406 naming what is served.
/// </summary>
public static class MediaTypes
{
    public enum Metadata { Xml, Json }

    public static void RequireJson(HttpRequest request)
    {
        if (Format(request) is { } format)
        {
            if (!IsJson(format))
                throw NotAcceptable($"$format={format}", "application/json");
            return;
        }
        if (!Accepts(request, IsJson))
            throw NotAcceptable($"Accept: {request.Headers.Accept}", "application/json");
    }

    public static Metadata ForMetadata(HttpRequest request)
    {
        if (Format(request) is { } format)
            return IsJson(format) ? Metadata.Json
                : IsXml(format) ? Metadata.Xml
                : throw NotAcceptable($"$format={format}", "application/xml, application/json");
        if (Accepts(request, IsXml))
            return PrefersJson(request) ? Metadata.Json : Metadata.Xml;
        return Accepts(request, IsJson) ? Metadata.Json
            : throw NotAcceptable($"Accept: {request.Headers.Accept}", "application/xml, application/json");
    }

    private static string? Format(HttpRequest request) =>
        request.Query.FirstOrDefault(q => q.Key.TrimStart('$').Equals("format", StringComparison.OrdinalIgnoreCase)).Value.FirstOrDefault();

    private static bool Accepts(HttpRequest request, Func<string, bool> matches)
    {
        var accept = request.Headers.Accept.ToString();
        if (accept.Length == 0)
            return true;
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept.Select(a => a ?? "").ToList(), out var types))
            return false;
        return types.Any(t => t.Quality is not 0 && (t.MediaType.Value is "*/*" or "application/*" || matches(t.MediaType.Value ?? "")));
    }

    /// <summary>An explicit application/json listed before any XML type asks for JSON CSDL.</summary>
    private static bool PrefersJson(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        var json = accept.IndexOf("application/json", StringComparison.OrdinalIgnoreCase);
        var xml = accept.IndexOf("xml", StringComparison.OrdinalIgnoreCase);
        return json >= 0 && (xml < 0 || json < xml);
    }

    private static bool IsJson(string type) =>
        type.Equals("json", StringComparison.OrdinalIgnoreCase) || type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase);

    private static bool IsXml(string type) =>
        type.Equals("xml", StringComparison.OrdinalIgnoreCase) || type.StartsWith("application/xml", StringComparison.OrdinalIgnoreCase);

    private static ODataProblem NotAcceptable(string asked, string served) =>
        new(StatusCodes.Status406NotAcceptable, "NotAcceptable", $"不支持的格式 {asked} (this resource is served as {served})", "$format");
}
