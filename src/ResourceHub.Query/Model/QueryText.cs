using System.Globalization;
using System.Text;

namespace ResourceHub.Query.Model;

/// <summary>
/// A canonical, backend-neutral text form of a query (fully parenthesised, canonical field
/// names, invariant literals). Two queries that mean the same render the same; tests use it.
/// </summary>
public static class QueryText
{
    public static string Render(EntityQuery query)
    {
        var parts = new List<string>();
        if (query.Filter is not null) parts.Add("filter=" + Render(query.Filter));
        if (query.OrderBy.Count > 0) parts.Add("orderby=" + string.Join(",", query.OrderBy.Select(o => o.Field + (o.Descending ? " desc" : ""))));
        if (query.Top is { } top) parts.Add("top=" + top);
        if (query.Skip is { } skip) parts.Add("skip=" + skip);
        if (query.Count) parts.Add("count");
        if (query.Search is not null) parts.Add("search=" + query.Search);
        if (query.Select.Count > 0) parts.Add("select=" + string.Join(",", query.Select));
        if (query.Expand.Count > 0) parts.Add("expand=" + string.Join(",", query.Expand.Select(Render)));
        if (query.After is not null) parts.Add("after=" + string.Join(",", query.After.Values.Select(Literal)));
        return string.Join("; ", parts);
    }

    public static string Render(ApplyQuery query)
    {
        var parts = new List<string>();
        if (query.Filter is not null) parts.Add("filter=" + Render(query.Filter));
        parts.Add("groupby=(" + string.Join(",", query.GroupBy) + ")");
        if (query.Aggregates.Count > 0)
            parts.Add("aggregate=" + string.Join(",", query.Aggregates.Select(a =>
                (a.Field is null ? "$count" : $"{a.Method.ToString().ToLowerInvariant()}({a.Field})") + " as " + a.Alias)));
        if (query.OrderBy.Count > 0) parts.Add("orderby=" + string.Join(",", query.OrderBy.Select(o => o.Field + (o.Descending ? " desc" : ""))));
        if (query.Top is { } top) parts.Add("top=" + top);
        if (query.Skip is { } skip) parts.Add("skip=" + skip);
        return string.Join("; ", parts);
    }

    public static string Render(FilterNode node) => node switch
    {
        LogicalNode l => $"({Render(l.Left)} {l.Operator.ToString().ToLowerInvariant()} {Render(l.Right)})",
        NotNode n => $"not({Render(n.Operand)})",
        CompareNode c => $"{Render(c.Field)} {c.Operator.ToString().ToLowerInvariant()} {Literal(c.Value)}",
        InNode i => $"{Render(i.Field)} in ({string.Join(",", i.Values.Select(Literal))})",
        TextMatchNode t => $"{t.Operator.ToString().ToLowerInvariant()}({Render(t.Field)},{Literal(t.Value)})",
        CollectionNode c => $"{Render(c.Collection)}/{c.Quantifier.ToString().ToLowerInvariant()}({(c.Predicate is null ? "" : Render(c.Predicate))})",
        ConstantNode k => k.Value ? "true" : "false",
        _ => throw new ArgumentOutOfRangeException(nameof(node), node.GetType().Name, null),
    };

    public static string Render(FieldRef field)
    {
        var name = field.IsElement ? "x" : field.Name;
        return field.Function == FieldFunction.None ? name : $"{field.Function.ToString().ToLowerInvariant()}({name})";
    }

    private static string Render(ExpandItem e)
    {
        var inner = new List<string>();
        if (e.Select.Count > 0) inner.Add("select=" + string.Join(",", e.Select));
        if (e.Expand.Count > 0) inner.Add("expand=" + string.Join(",", e.Expand.Select(Render)));
        return inner.Count == 0 ? e.Navigation : $"{e.Navigation}({string.Join(";", inner)})";
    }

    public static string Literal(object? value) => value switch
    {
        null => "null",
        string s => "'" + s.Replace("'", "''") + "'",
        bool b => b ? "true" : "false",
        DateTimeOffset d => d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
