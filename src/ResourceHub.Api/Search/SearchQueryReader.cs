using ResourceHub.Api.OData;
using ResourceHub.Query.Model;

namespace ResourceHub.Api.Search;

/// <summary>
/// What search reads from the URL itself (everything else comes through the shared OData
/// translator): raw option values, and the $skiptoken cursor of search paging (score + key).
/// </summary>
public static class SearchQueryReader
{
    /// <summary>The value of $name (or name, OData 4.01), or null.</summary>
    public static string? Raw(HttpRequest request, string name) =>
        request.Query.TryGetValue("$" + name, out var v) || request.Query.TryGetValue(name, out v) ? v.ToString() : null;

    public static string EncodeCursor(KeysetPosition position) => SearchCursor.Encode(position);

    public static KeysetPosition DecodeCursor(string token) =>
        SearchCursor.TryDecode(token)
        ?? throw ODataProblem.BadRequest("无效的 $skiptoken (the $skiptoken is not one this service issued)", "$skiptoken");
}
