namespace ResourceHub.Api.OData;

public static class ServiceRoot
{
    public const string Path = "/odata";

    /// <summary>The absolute service root of this request, ending in a slash (as ODL wants it).</summary>
    public static Uri Of(HttpRequest request) => new(Text(request));

    /// <summary>Built once per request: formatting the host (IDN mapping) cost a page of 50 entities ~0.05 ms.</summary>
    private static string Text(HttpRequest request)
    {
        var items = request.HttpContext.Items;
        if (items.TryGetValue(typeof(ServiceRoot), out var text))
            return (string)text!;
        var built = $"{request.Scheme}://{request.Host}{request.PathBase}{Path}/";
        items[typeof(ServiceRoot)] = built;
        return built;
    }

    /// <summary>An entity's media link, parsed once (a page of 50 entities built three URIs each before).</summary>
    public static Uri ValueUri(HttpRequest request, string setName, object key) =>
        new($"{Text(request)}{setName}({KeyLiteral(key)})/$value");

    public static Uri EntityUri(HttpRequest request, string setName, object key) =>
        new(Of(request), $"{setName}({KeyLiteral(key)})");

    public static string KeyLiteral(object key) => key switch
    {
        string s => $"'{Uri.EscapeDataString(s.Replace("'", "''"))}'",
        _ => key.ToString()!,
    };
}
