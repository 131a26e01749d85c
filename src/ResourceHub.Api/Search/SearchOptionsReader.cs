using ResourceHub.Indexing;

namespace ResourceHub.Api.Search;

/// <summary>
/// The custom query options of search: facets=Subject,Stage and facet.Subject=math,physics (ticked
/// values, multi-select).
/// </summary>
public static class SearchOptionsReader
{
    public const string FacetsOption = "facets";
    public const string SelectionPrefix = "facet.";

    public static FacetRequest? Facets(HttpRequest request)
    {
        var fields = Split(request.Query[FacetsOption].ToString());
        var selected = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in request.Query)
            if (key.StartsWith(SelectionPrefix, StringComparison.OrdinalIgnoreCase))
                selected[key[SelectionPrefix.Length..]] = value.SelectMany(v => Split(v)).ToList();
        return fields.Count == 0 && selected.Count == 0 ? null : new FacetRequest(fields, selected);
    }

    private static List<string> Split(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
