namespace ResourceHub.Api.OData;

/// <summary>
/// A path that does not read the system query options refuses them (501, as OData asks of an unsupported option)
/// instead of answering with rows the client did not ask for.
/// </summary>
public static class QueryOptionGuard
{
    // $format and $schemaversion describe the response, not the rows; ProtocolHeaders handles them everywhere.
    private static readonly HashSet<string> RowOptions = new(StringComparer.OrdinalIgnoreCase)
    {
        "filter", "orderby", "top", "skip", "count", "select", "expand", "search", "apply", "skiptoken", "deltatoken",
        "compute", "index", "levels",
    };

    public static void RefuseAll(HttpRequest request)
    {
        var asked = request.Query.Keys.Select(k => k.StartsWith('$') ? k[1..] : k).Where(RowOptions.Contains).ToList();
        if (asked.Count == 0)
            return;
        var names = string.Join("、", asked.Select(a => "$" + a.ToLowerInvariant()));
        throw ODataProblem.NotImplemented($"{request.Path} 不支持查询选项 {names} (query options not supported on this path)", "$" + asked[0]);
    }
}
