using System.Linq.Expressions;
using System.Reflection;
using ResourceHub.Query.Model;
using ResourceHub.Query.Paging;

namespace ResourceHub.Data.Querying;

/// <summary>
/// Renders the query model for EF Core (SQLite and PostgreSQL alike): $filter as a Where, the
/// sort with the key as tie-breaker (nulls lowest), and the keyset position as a seek predicate.
/// Each public field name maps to a member expression of the entity (see <see cref="EfFieldMap{T}"/>).
/// </summary>
public sealed class EfQueryRenderer<T>(EfFieldMap<T> fields)
{
    private readonly ParameterExpression _row = Expression.Parameter(typeof(T), "x");

    public IQueryable<T> Filter(IQueryable<T> source, FilterNode? filter) =>
        filter is null ? source : source.Where(Expression.Lambda<Func<T, bool>>(Predicate(filter, null), _row));

    /// <summary>Sort (asked keys + key field), seek past <see cref="EntityQuery.After"/>, then $skip. $top/page size is the caller's.</summary>
    public IQueryable<T> Order(IQueryable<T> source, EntityQuery query)
    {
        var order = KeysetToken.EffectiveOrder(fields.Schema, query.OrderBy);
        if (query.After is { } after)
            source = source.Where(Expression.Lambda<Func<T, bool>>(Bounded(order, after.Values), _row));
        IOrderedQueryable<T>? ordered = null;
        foreach (var key in order)
        {
            var member = Member(key.Field);
            if (fields.Schema.Find(key.Field)!.Nullable)
                ordered = Sort(source, ordered, Expression.Condition(IsNull(member), Expression.Constant(0), Expression.Constant(1)), key.Descending);
            ordered = Sort(source, ordered, member, key.Descending);
        }
        source = ordered!;
        return query.Skip is > 0 ? source.Skip(query.Skip.Value) : source;
    }

    private Expression Predicate(FilterNode node, ParameterExpression? element) => node switch
    {
        LogicalNode { Operator: LogicalOperator.And } l => Expression.AndAlso(Predicate(l.Left, element), Predicate(l.Right, element)),
        LogicalNode l => Expression.OrElse(Predicate(l.Left, element), Predicate(l.Right, element)),
        NotNode n => Expression.Not(Predicate(n.Operand, element)),
        ConstantNode c => Expression.Constant(c.Value),
        CompareNode c => Compare(Field(c.Field, element), c.Operator, c.Value),
        InNode i => In(Field(i.Field, element), i.Values),
        TextMatchNode t => TextMatch(Field(t.Field, element), t),
        CollectionNode c => Lambda(c),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    /// <summary>
    /// contains → instr/strpos; starts/endswith as a substring equality, because SQLite's LIKE
    /// ignores ASCII case and OData's functions do not.
    /// </summary>
    private static Expression TextMatch(Expression field, TextMatchNode node)
    {
        var value = QueryValue.Of(node.Value, typeof(string));
        if (node.Operator == TextOperator.Contains)
            return Expression.Call(field, StringContains, value);
        var length = Expression.Property(field, nameof(string.Length));
        var n = Expression.Constant(node.Value.Length);
        var start = node.Operator == TextOperator.StartsWith ? (Expression)Expression.Constant(0) : Expression.Subtract(length, n);
        var part = Expression.Call(field, StringSubstring, start, n);
        return Expression.AndAlso(Expression.GreaterThanOrEqual(length, n), Expression.Equal(part, value));
    }

    private Expression Lambda(CollectionNode node)
    {
        var collection = Member(node.Collection.Name);
        var elementType = collection.Type.GetInterfaces().Append(collection.Type)
            .First(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IEnumerable<>)).GetGenericArguments()[0];
        if (node.Predicate is null)
            return Expression.Call(EnumerableAny.MakeGenericMethod(elementType), collection);
        var element = Expression.Parameter(elementType, "e");
        var body = Expression.Lambda(Predicate(node.Predicate, element), element);
        var method = node.Quantifier == Quantifier.Any ? EnumerableAnyWhere : EnumerableAll;
        return Expression.Call(method.MakeGenericMethod(elementType), collection, body);
    }

    private Expression Field(FieldRef field, ParameterExpression? element)
    {
        Expression e = field.IsElement ? element ?? throw new InvalidOperationException("element outside any/all") : Member(field.Name);
        return field.Function switch
        {
            FieldFunction.None => e,
            FieldFunction.ToLower => Expression.Call(e, nameof(string.ToLower), Type.EmptyTypes),
            FieldFunction.ToUpper => Expression.Call(e, nameof(string.ToUpper), Type.EmptyTypes),
            FieldFunction.Length => AsLong(Expression.Property(e, nameof(string.Length)), e),
            FieldFunction.Year => AsLong(Expression.Property(Value(e), nameof(DateTime.Year)), e),
            FieldFunction.Month => AsLong(Expression.Property(Value(e), nameof(DateTime.Month)), e),
            FieldFunction.Day => AsLong(Expression.Property(Value(e), nameof(DateTime.Day)), e),
            _ => throw new NotSupportedException($"function {field.Function}"),
        };
    }

    /// <summary>int results widened to the model's Int64 (nullable when the source is).</summary>
    private static Expression AsLong(Expression intValue, Expression source) =>
        Expression.Convert(intValue, CanBeNull(source.Type) ? typeof(long?) : typeof(long));

    private static Expression Value(Expression e) => Nullable.GetUnderlyingType(e.Type) is null ? e : Expression.Property(e, "Value");

    private static Expression Compare(Expression member, CompareOperator op, object? value)
    {
        if (value is null)
        {
            if (!CanBeNull(member.Type))
                return Expression.Constant(op == CompareOperator.Ne);
            return op == CompareOperator.Eq ? IsNull(member) : Expression.Not(IsNull(member));
        }
        var constant = QueryValue.Of(QueryValue.ToMemberType(value, member.Type), member.Type);
        return Binary(member, op, constant);
    }

    /// <summary>member op value; strings and Guids go through CompareTo, which EF Core turns back into SQL operators.</summary>
    private static Expression Binary(Expression member, CompareOperator op, Expression value)
    {
        if (op is CompareOperator.Eq)
            return Expression.Equal(member, value);
        if (op is CompareOperator.Ne)
            return Expression.NotEqual(member, value);
        var plain = Nullable.GetUnderlyingType(member.Type) ?? member.Type;
        if (plain == typeof(string) || plain == typeof(Guid) || plain == typeof(bool))
        {
            var compare = plain == typeof(string)
                ? Expression.Call(StringCompare, member, value)
                : Expression.Call(Value(member), plain.GetMethod("CompareTo", [plain])!, Value(value));
            member = compare;
            value = Expression.Constant(0);
        }
        return op switch
        {
            CompareOperator.Gt => Expression.GreaterThan(member, value),
            CompareOperator.Ge => Expression.GreaterThanOrEqual(member, value),
            CompareOperator.Lt => Expression.LessThan(member, value),
            _ => Expression.LessThanOrEqual(member, value),
        };
    }

    private static Expression In(Expression member, IReadOnlyList<object> values)
    {
        var listType = typeof(List<>).MakeGenericType(member.Type);
        var list = (System.Collections.IList)Activator.CreateInstance(listType)!;
        foreach (var v in values)
            list.Add(QueryValue.ToMemberType(v, member.Type));
        return Expression.Call(QueryValue.Of(list, listType), listType.GetMethod(nameof(List<int>.Contains))!, member);
    }

    /// <summary>
    /// The seek predicate plus a plain range on the first key (k1 ≥ v1, or ≤ when descending), which
    /// is implied but lets SQLite and PostgreSQL start the index scan at the position: deep pages stay cheap.
    /// </summary>
    private Expression Bounded(IReadOnlyList<OrderBy> order, IReadOnlyList<object?> values)
    {
        var seek = Seek(order, values, 0);
        if (values[0] is null || fields.Schema.Find(order[0].Field)!.Nullable)
            return seek;
        var member = Member(order[0].Field);
        var value = QueryValue.Of(QueryValue.ToMemberType(values[0], member.Type), member.Type);
        return Expression.AndAlso(Binary(member, order[0].Descending ? CompareOperator.Le : CompareOperator.Ge, value), seek);
    }

    /// <summary>Rows strictly after the position: (k1 > v1) or (k1 = v1 and (k2 > v2 or …)), with nulls lowest.</summary>
    private Expression Seek(IReadOnlyList<OrderBy> order, IReadOnlyList<object?> values, int i)
    {
        var key = order[i];
        var member = Member(key.Field);
        var value = values[i];
        var after = StrictlyAfter(member, key.Descending, value, fields.Schema.Find(key.Field)!.Nullable);
        if (i == order.Count - 1)
            return after;
        var same = value is null ? IsNull(member) : Expression.Equal(member, QueryValue.Of(QueryValue.ToMemberType(value, member.Type), member.Type));
        return Expression.OrElse(after, Expression.AndAlso(same, Seek(order, values, i + 1)));
    }

    private static Expression StrictlyAfter(Expression member, bool descending, object? value, bool nullable)
    {
        if (value is null)
            return descending ? Expression.Constant(false) : Expression.Not(IsNull(member));
        var constant = QueryValue.Of(QueryValue.ToMemberType(value, member.Type), member.Type);
        var beyond = Binary(member, descending ? CompareOperator.Lt : CompareOperator.Gt, constant);
        return descending && nullable ? Expression.OrElse(beyond, IsNull(member)) : beyond;
    }

    private IOrderedQueryable<T> Sort(IQueryable<T> source, IOrderedQueryable<T>? ordered, Expression key, bool descending)
    {
        var name = ordered is null
            ? descending ? nameof(Queryable.OrderByDescending) : nameof(Queryable.OrderBy)
            : descending ? nameof(Queryable.ThenByDescending) : nameof(Queryable.ThenBy);
        var lambda = Expression.Lambda(key, _row);
        var method = QueryableMethods[name].MakeGenericMethod(typeof(T), key.Type);
        return (IOrderedQueryable<T>)method.Invoke(null, [ordered ?? source, lambda])!;
    }

    private Expression Member(string name) => fields.Member(name, _row);

    private static bool CanBeNull(Type t) => !t.IsValueType || Nullable.GetUnderlyingType(t) is not null;

    private static Expression IsNull(Expression e) => Expression.Equal(e, Expression.Constant(null, e.Type));

    private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    private static readonly MethodInfo StringContains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo StringSubstring = typeof(string).GetMethod(nameof(string.Substring), [typeof(int), typeof(int)])!;

    private static readonly MethodInfo EnumerableAny =
        typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Any) && m.GetParameters().Length == 1);
    private static readonly MethodInfo EnumerableAnyWhere =
        typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Any) && m.GetParameters().Length == 2);
    private static readonly MethodInfo EnumerableAll =
        typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.All) && m.GetParameters().Length == 2);

    private static readonly Dictionary<string, MethodInfo> QueryableMethods = typeof(Queryable).GetMethods()
        .Where(m => m.Name is nameof(Queryable.OrderBy) or nameof(Queryable.OrderByDescending) or nameof(Queryable.ThenBy) or nameof(Queryable.ThenByDescending)
                    && m.GetParameters().Length == 2)
        .ToDictionary(m => m.Name);
}
