using ResourceHub.Indexing.Understanding;

namespace ResourceHub.Indexing.Documents;

/// <summary>One sort key: a field, or the relevance score when Field is null.</summary>
public sealed record SortKey(SearchField? Field, bool Descending);

/// <summary>
/// The sort order every engine applies: relevance when searching without $orderby, else the asked
/// fields; the id last as the tie-breaker that keyset paging needs.
/// </summary>
public static class SortKeys
{
    public static IReadOnlyList<SortKey> For(SearchRequest request, StructuredQuery text)
    {
        var keys = new List<SortKey>();
        if (request.Query.OrderBy.Count == 0 && !text.IsEmpty)
            keys.Add(new SortKey(null, true));
        var idDescending = false;
        foreach (var o in request.Query.OrderBy)
        {
            var field = SearchFields.Get(o.Field);
            if (field.IsCollection)
                throw new SearchQueryException($"不能按集合 {field.Name} 排序 (cannot sort by a collection)");
            if (field == SearchFields.Id)
                idDescending = o.Descending;
            else
                keys.Add(new SortKey(field, o.Descending));
        }
        keys.Add(new SortKey(SearchFields.Id, idDescending));
        return keys;
    }

    /// <summary>Ticked facet values as filters, leaving out one facet's own (for its multi-select counts).</summary>
    public static IReadOnlyList<(SearchField Field, IReadOnlyList<string> Values)> Selections(SearchRequest request, SearchField? except) =>
        (request.Facets?.Selections ?? new Dictionary<string, IReadOnlyList<string>>())
        .Select(p => (Field: SearchFields.Facet(p.Key), Values: p.Value))
        .Where(s => s.Values.Count > 0 && s.Field != except)
        .ToList();
}
