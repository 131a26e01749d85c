using Microsoft.OData;
using Microsoft.OData.UriParser;
using ResourceHub.Query.Model;
using ResourceHub.Query.Paging;

namespace ResourceHub.Query.OData;

/// <summary>
/// OData query options → <see cref="EntityQuery"/>. ODL parses and binds each option against the
/// EDM; this class checks the result against the set's <see cref="QuerySchema"/> and the
/// <see cref="QueryLimits"/>, and throws one <see cref="QueryValidationException"/> listing every
/// problem in every option.
/// </summary>
public static class ODataQueryTranslator
{
    /// <summary>System query options served (names without "$", lower case).</summary>
    private static readonly HashSet<string> Known =
        ["filter", "orderby", "top", "skip", "count", "select", "expand", "search", "skiptoken", "format"];

    public static EntityQuery Translate(ODataUriParser parser, QuerySchema schema, IEnumerable<KeyValuePair<string, string?>> rawQuery,
        QueryLimits? limits = null)
    {
        limits ??= QueryLimits.Default;
        var errors = new List<QueryError>();
        var options = Options(rawQuery, errors);
        var query = new EntityQuery();

        if (options.ContainsKey("filter"))
            query = query with { Filter = Guard(errors, "$filter", () => Filter(parser, schema, limits, errors)) };
        if (options.ContainsKey("orderby"))
            query = query with { OrderBy = Guard(errors, "$orderby", () => OrderBy(parser.ParseOrderBy(), schema, limits, errors)) ?? [] };
        if (options.ContainsKey("top"))
            query = query with { Top = Guard(errors, "$top", () => Top(parser.ParseTop(), limits, errors)) };
        if (options.ContainsKey("skip"))
            query = query with { Skip = Guard(errors, "$skip", () => Skip(parser.ParseSkip(), limits, errors)) };
        if (options.ContainsKey("count"))
            query = query with { Count = Guard(errors, "$count", () => parser.ParseCount()) ?? false };
        if (options.TryGetValue("search", out var search))
            query = query with { Search = Search(search, limits, errors) };
        if (options.ContainsKey("select") || options.ContainsKey("expand"))
        {
            var clause = Guard(errors, options.ContainsKey("expand") ? "$expand" : "$select", parser.ParseSelectAndExpand);
            if (clause is not null)
            {
                var (select, expand) = SelectExpand.Translate(clause, schema, limits, errors, 0);
                query = query with { Select = select, Expand = expand };
            }
        }
        if (options.TryGetValue("skiptoken", out var token) && errors.Count == 0)
        {
            var order = KeysetToken.EffectiveOrder(schema, query.OrderBy);
            query = query with { After = KeysetToken.TryDecode(token ?? "", schema, order, out var error) };
            if (error is not null)
                errors.Add(new QueryError("InvalidSkipToken", error, "$skiptoken"));
        }
        if (errors.Count > 0)
            throw new QueryValidationException(errors.DistinctBy(e => (e.Code, e.Message, e.Target)).ToList());
        return query;
    }

    /// <summary>System query options by normalised name; unknown "$" options are errors, custom ones are ignored.</summary>
    private static Dictionary<string, string?> Options(IEnumerable<KeyValuePair<string, string?>> rawQuery, List<QueryError> errors)
    {
        var options = new Dictionary<string, string?>();
        foreach (var (key, value) in rawQuery)
        {
            var name = key.Trim();
            var bare = name.TrimStart('$').ToLowerInvariant();
            if (Known.Contains(bare))
                options[bare] = value;
            else if (name.StartsWith('$'))
                errors.Add(new QueryError("UnknownQueryOption", $"不支持的查询选项 {name} (system query option {name} is not supported)", name));
        }
        return options;
    }

    private static FilterNode? Filter(ODataUriParser parser, QuerySchema schema, QueryLimits limits, List<QueryError> errors)
    {
        var clause = parser.ParseFilter();
        if (clause is null)
            return null;
        var translator = new FilterTranslator(schema, limits, parser.ParameterAliasNodes);
        var node = translator.Translate(clause.Expression);
        errors.AddRange(translator.Errors);
        return node;
    }

    private static IReadOnlyList<OrderBy> OrderBy(OrderByClause? clause, QuerySchema schema, QueryLimits limits, List<QueryError> errors)
    {
        var keys = new List<OrderBy>();
        for (; clause is not null; clause = clause.ThenBy)
        {
            var expression = clause.Expression is ConvertNode c ? c.Source : clause.Expression;
            if (expression is not SingleValuePropertyAccessNode { Source: ResourceRangeVariableReferenceNode } p)
            {
                errors.Add(new QueryError("UnsupportedExpression", "排序只能按属性 ($orderby accepts property names only)", "$orderby"));
                continue;
            }
            var field = schema.Find(p.Property.Name);
            if (field is null || !field.Sortable)
            {
                errors.Add(new QueryError("NotSortable", $"不能按 {p.Property.Name} 排序 ({p.Property.Name} cannot be used in $orderby)", $"$orderby/{p.Property.Name}"));
                continue;
            }
            if (keys.All(k => k.Field != field.Name))
                keys.Add(new OrderBy(field.Name, clause.Direction == OrderByDirection.Descending));
        }
        if (keys.Count > limits.MaxOrderByKeys)
            errors.Add(new QueryError("TooManyKeys", $"排序键最多 {limits.MaxOrderByKeys} 个 ($orderby is limited to {limits.MaxOrderByKeys} keys)", "$orderby"));
        return keys;
    }

    private static int? Top(long? top, QueryLimits limits, List<QueryError> errors)
    {
        if (top > limits.MaxTop)
        {
            errors.Add(new QueryError("TopTooLarge", $"$top 最大为 {limits.MaxTop} ($top {top} exceeds the maximum of {limits.MaxTop}; page with @odata.nextLink)", "$top"));
            return null;
        }
        return (int?)top;
    }

    private static int? Skip(long? skip, QueryLimits limits, List<QueryError> errors)
    {
        if (skip > limits.MaxSkip)
        {
            errors.Add(new QueryError("SkipTooLarge", $"$skip 最大为 {limits.MaxSkip} ($skip {skip} is too large; page with @odata.nextLink, which is cheap at any depth)", "$skip"));
            return null;
        }
        return (int?)skip;
    }

    /// <summary>
    /// $search is the user's free text, as a search box sends it (《故乡》教学设计, Python3, Unit 3, quotes, emoji), not
    /// OData's boolean grammar: search understands it (see indexing/README.md). Only an over-long or control-laden text is refused.
    /// </summary>
    private static string? Search(string? text, QueryLimits limits, List<QueryError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (text.Length > limits.MaxSearchLength)
            errors.Add(new QueryError("SearchTooLong", $"搜索词最多 {limits.MaxSearchLength} 个字符 ($search is {text.Length} characters long; at most {limits.MaxSearchLength})", "$search"));
        else if (text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || HasLoneSurrogate(text))
            errors.Add(new QueryError("InvalidSearch", "搜索词含有无效字符 ($search contains control characters or invalid UTF-16)", "$search"));
        else
            return text.Trim();
        return null;
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
                return true;
        }
        return false;
    }

    /// <summary>Runs one option's parse; ODL's own complaint becomes an error naming the option.</summary>
    internal static T? Guard<T>(List<QueryError> errors, string option, Func<T?> parse)
    {
        try
        {
            return parse();
        }
        catch (Exception e) when (e is ODataException or OverflowException or FormatException or ArgumentException or InvalidCastException)
        {
            errors.Add(new QueryError("InvalidQueryOption", $"{option} 无效 ({option} is invalid: {e.Message})", option));
            return default;
        }
    }
}
