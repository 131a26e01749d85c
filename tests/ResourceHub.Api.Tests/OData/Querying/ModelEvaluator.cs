using ResourceHub.Query.Model;
using ResourceHub.Query.Paging;

namespace ResourceHub.Api.Tests.OData.Querying;

/// <summary>
/// The oracle: evaluates a query model over objects in memory with plain C# semantics (OData null
/// rules, ordinal strings, nulls sort lowest), independently of the EF renderer it checks.
/// </summary>
public sealed class ModelEvaluator<T>(QuerySchema schema, Func<T, string, object?> get)
{
    public IReadOnlyList<T> Run(IEnumerable<T> rows, EntityQuery query)
    {
        var filtered = rows.Where(r => query.Filter is null || Test(query.Filter, r, null));
        var order = KeysetToken.EffectiveOrder(schema, query.OrderBy);
        var sorted = filtered.Order(Comparer<T>.Create((a, b) =>
        {
            foreach (var key in order)
            {
                var c = CompareValues(Value(get(a, key.Field)), Value(get(b, key.Field)));
                if (c != 0)
                    return key.Descending ? -c : c;
            }
            return 0;
        }));
        return sorted.Skip(query.Skip ?? 0).Take(query.Top ?? int.MaxValue).ToList();
    }

    public bool Test(FilterNode node, T row, string? element) => node switch
    {
        LogicalNode { Operator: LogicalOperator.And } l => Test(l.Left, row, element) && Test(l.Right, row, element),
        LogicalNode l => Test(l.Left, row, element) || Test(l.Right, row, element),
        NotNode n => !Test(n.Operand, row, element),
        ConstantNode c => c.Value,
        CompareNode c => Compare(Field(c.Field, row, element), c.Operator, Value(c.Value)),
        InNode i => Field(i.Field, row, element) is { } v && i.Values.Any(x => CompareValues(v, Value(x)) == 0),
        TextMatchNode t => Field(t.Field, row, element) is string s && t.Operator switch
        {
            TextOperator.Contains => s.Contains(t.Value, StringComparison.Ordinal),
            TextOperator.StartsWith => s.StartsWith(t.Value, StringComparison.Ordinal),
            _ => s.EndsWith(t.Value, StringComparison.Ordinal),
        },
        CollectionNode c => Collection(c, row),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    private bool Collection(CollectionNode c, T row)
    {
        var items = (IEnumerable<string>)get(row, c.Collection.Name)!;
        if (c.Predicate is null)
            return items.Any();
        return c.Quantifier == Quantifier.Any ? items.Any(e => Test(c.Predicate, row, e)) : items.All(e => Test(c.Predicate, row, e));
    }

    private object? Field(FieldRef f, T row, string? element)
    {
        var v = Value(f.IsElement ? element : get(row, f.Name));
        if (v is null)
            return null;
        return f.Function switch
        {
            FieldFunction.None => v,
            FieldFunction.ToLower => ((string)v).ToLowerInvariant(),
            FieldFunction.ToUpper => ((string)v).ToUpperInvariant(),
            FieldFunction.Length => (long)((string)v).Length,
            FieldFunction.Year => (long)((DateTimeOffset)v).Year,
            FieldFunction.Month => (long)((DateTimeOffset)v).Month,
            FieldFunction.Day => (long)((DateTimeOffset)v).Day,
            _ => throw new NotSupportedException(f.Function.ToString()),
        };
    }

    /// <summary>OData: null eq null, null ne x; any ordering comparison with null is false.</summary>
    private static bool Compare(object? left, CompareOperator op, object? right)
    {
        if (left is null || right is null)
            return op switch
            {
                CompareOperator.Eq => left is null && right is null,
                CompareOperator.Ne => !(left is null && right is null),
                _ => false,
            };
        var c = CompareValues(left, right);
        return op switch
        {
            CompareOperator.Eq => c == 0,
            CompareOperator.Ne => c != 0,
            CompareOperator.Gt => c > 0,
            CompareOperator.Ge => c >= 0,
            CompareOperator.Lt => c < 0,
            _ => c <= 0,
        };
    }

    /// <summary>Nulls lowest; strings and Guids ordinal by their text (as both databases store and compare them).</summary>
    public static int CompareValues(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (string x, string y) => string.CompareOrdinal(x, y),
        (Guid x, Guid y) => string.CompareOrdinal(x.ToString(), y.ToString()),
        (long x, long y) => x.CompareTo(y),
        (double x, double y) => x.CompareTo(y),
        (DateTimeOffset x, DateTimeOffset y) => x.CompareTo(y),
        (bool x, bool y) => x.CompareTo(y),
        _ => throw new InvalidOperationException($"cannot compare {a.GetType()} with {b.GetType()}"),
    };

    private static object? Value(object? v) => v switch
    {
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        int i => (long)i,
        _ => v,
    };
}
