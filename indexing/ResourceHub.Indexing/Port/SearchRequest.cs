using ResourceHub.Domain.Access;
using ResourceHub.Query.Model;

namespace ResourceHub.Indexing;

/// <summary>
/// One search: the query model (Search text, Filter, OrderBy, Top, After, Count), whose authorization
/// scope to apply, and optionally facets. Without OrderBy, text searches sort by boosted relevance.
/// </summary>
public sealed record SearchRequest(EntityQuery Query, VisibilityScope Scope, FacetRequest? Facets = null)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 1000;

    public int PageSize => Math.Clamp(Query.Top ?? DefaultPageSize, 0, MaxPageSize);
}

/// <summary>
/// Facets to count, and facet values the user has ticked. Selections narrow the hits but each
/// facet's own counts ignore its own selection (multi-select facets: ticking 数学 still shows 物理's count).
/// </summary>
public sealed record FacetRequest(IReadOnlyList<string> Fields, IReadOnlyDictionary<string, IReadOnlyList<string>>? Selected = null, int Size = 100)
{
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Selections => Selected ?? new Dictionary<string, IReadOnlyList<string>>();
}

public sealed record SuggestRequest(string Prefix, VisibilityScope Scope, int Size = 10);
