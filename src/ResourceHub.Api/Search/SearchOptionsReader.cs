using System.Text.RegularExpressions;
using ResourceHub.Api.OData;
using ResourceHub.Indexing;

namespace ResourceHub.Api.Search;

/// <summary>
/// The custom query options of search: facets=Subject,Stage, facet.Subject=math,physics (ticked
/// values, multi-select) and $apply=groupby((Subject),aggregate($count as Count)).
/// </summary>
public static partial class SearchOptionsReader
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

    /// <summary>The grouped field and the alias of its count, or null without $apply.</summary>
    public static (string Field, string CountAlias)? GroupBy(HttpRequest request)
    {
        if (SearchQueryReader.Raw(request, "apply") is not { } apply)
            return null;
        var m = GroupByPattern().Match(apply.Trim());
        if (!m.Success)
        {
            RequireValid(request);
            throw ODataProblem.NotImplemented(
                "$apply 仅支持 groupby((字段),aggregate($count as 名称)) (only groupby((Field),aggregate($count as Name)) over one field is supported)", "$apply");
        }
        return (m.Groups["field"].Value, m.Groups["alias"].Value);
    }

    /// <summary>An $apply OData itself rejects (an unknown property, bad syntax) is the client's mistake: 400, not 501.</summary>
    private static void RequireValid(HttpRequest request)
    {
        try
        {
            ODataRouter.CreateParser(request).ParseApply();
        }
        catch (Exception e) when (e is Microsoft.OData.ODataException or ArgumentException or FormatException or OverflowException)
        {
            throw ODataProblem.BadRequest($"$apply 无效 (invalid $apply: {e.Message})", "$apply");
        }
    }

    private static List<string> Split(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    [GeneratedRegex(@"^groupby\(\(\s*(?<field>[A-Za-z]+)\s*\)\s*,\s*aggregate\(\s*\$count\s+as\s+(?<alias>[A-Za-z_][A-Za-z0-9_]*)\s*\)\s*\)$")]
    private static partial Regex GroupByPattern();
}
