using ResourceHub.Api.Search;

namespace ResourceHub.Api.OData.Querying;

/// <summary>
/// The one place that decides which backend answers a query: the search index for $search,
/// facets and $apply (Resources only), the database (EF Core) for everything else.
/// </summary>
public static class QueryBackend
{
    public enum Kind { Database, Search }

    public static Kind Choose(HttpRequest request) => SearchEndpoint.Wants(request) ? Kind.Search : Kind.Database;

    /// <summary>For sets without a search index: full-text options are refused clearly, not ignored.</summary>
    public static void RequireDatabase(HttpRequest request, string setName)
    {
        if (Choose(request) == Kind.Search)
            throw ODataProblem.NotImplemented(
                $"{setName} 不支持全文检索 ($search, facets and $apply are served for Resources only)", "$search");
    }
}
