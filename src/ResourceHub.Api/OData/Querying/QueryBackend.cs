using ResourceHub.Api.Search;

namespace ResourceHub.Api.OData.Querying;

/// <summary>
/// The one place that decides which backend answers a query: the search index for $search and
/// facets (with or without $apply; Resources only), the database's GROUP BY for $apply alone
/// (Resources only), the database (EF Core) for everything else.
/// </summary>
public static class QueryBackend
{
    public enum Kind { Database, Search, Groups }

    public static Kind Choose(HttpRequest request) =>
        SearchEndpoint.Wants(request) ? Kind.Search
        : SearchQueryReader.Raw(request, "apply") is not null ? Kind.Groups
        : Kind.Database;

    /// <summary>/$count counts entities; an $apply returns groups, so asking for both is a mistake.</summary>
    public static void RefuseCountOfGroups(HttpRequest request)
    {
        if (SearchQueryReader.Raw(request, "apply") is not null)
            throw ODataProblem.BadRequest("$count 不能与 $apply 同用 (/$count counts entities; $apply returns groups)", "$apply");
    }

    /// <summary>For sets without a search index: full-text options are refused clearly, not ignored.</summary>
    public static void RequireDatabase(HttpRequest request, string setName)
    {
        if (Choose(request) != Kind.Database)
            throw ODataProblem.NotImplemented(
                $"{setName} 不支持全文检索 ($search, facets and $apply are served for Resources only)", "$search");
    }
}
