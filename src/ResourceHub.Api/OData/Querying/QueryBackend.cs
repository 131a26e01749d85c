using ResourceHub.Query.Model;

namespace ResourceHub.Api.OData.Querying;

/// <summary>
/// The one place that decides which backend answers a query: the database (EF Core) today, the
/// search index once $search is served. Until then a query with $search is a 501.
/// </summary>
public static class QueryBackend
{
    public enum Kind { Database, Search }

    public static Kind Choose(EntityQuery query) => query.Search is null ? Kind.Database : Kind.Search;

    public static void RequireDatabase(EntityQuery query)
    {
        if (Choose(query) == Kind.Search)
            throw ODataProblem.NotImplemented("全文检索尚未开放 ($search is not served yet; use $filter with contains())", "$search");
    }
}
