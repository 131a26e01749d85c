using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ResourceHub.Query.Model;

namespace ResourceHub.Data.Querying;

/// <summary>
/// Renders an <see cref="ApplyQuery"/>'s grouping for EF Core as one SQL GROUP BY (SQLite and PostgreSQL alike):
/// GroupBy on the group properties, the aggregates as SQL aggregates, sort (nulls lowest, group properties as
/// tie-breakers), skip and take on the groups. The rows given are already narrowed (visibility, $filter, filter(...)).
/// </summary>
public sealed class EfApplyRenderer<T>(EfFieldMap<T> fields)
{
    private readonly ParameterExpression _row = Expression.Parameter(typeof(T), "x");

    /// <summary>At most <paramref name="limit"/> groups after $skip (fewer when $top asks for fewer), and whether more exist.</summary>
    public async Task<ApplyResult> RunAsync(IQueryable<T> rows, ApplyQuery apply, int limit, CancellationToken ct)
    {
        var take = ApplyResult.Take(apply, limit);
        var keyTypes = apply.GroupBy.Select(g => Member(g).Type).ToList();
        var grouping = typeof(IGrouping<,>).MakeGenericType(KeyType(keyTypes), typeof(T));
        var g = Expression.Parameter(grouping, "g");
        var columns = apply.GroupBy.Select((_, i) => (Expression)Expression.Property(Expression.Property(g, "Key"), "P" + (i + 1)))
            .Concat(apply.Aggregates.Select(a => Aggregate(g, a)))
            .ToList();

        var query = Call(nameof(Queryable.GroupBy), [typeof(T), grouping.GetGenericArguments()[0]], rows.Expression, Key(apply.GroupBy));
        query = Order(query, g, apply, columns);
        if (apply.Skip is > 0)
            query = Call(nameof(Queryable.Skip), [grouping], query, Expression.Constant(apply.Skip.Value));
        query = Call(nameof(Queryable.Take), [grouping], query, Expression.Constant(take + 1));
        var project = Expression.Lambda(Expression.NewArrayInit(typeof(object), columns.Select(c => Expression.Convert(c, typeof(object)))), g);
        query = Call(nameof(Queryable.Select), [grouping, typeof(object[])], query, Expression.Quote(project));

        var found = await rows.Provider.CreateQuery<object?[]>(query).ToListAsync(ct);
        found.ForEach(Normalise);
        if (apply.GroupBy.Count == 0 && found.Count == 0 && (apply.Skip ?? 0) == 0 && take > 0)
            found.Add(EmptySet(apply)); // one group of no rows: counts 0, sums 0, the rest null
        return ApplyResult.Cut(apply, found, take);
    }

    /// <summary>new GroupKey{P1 = x.A, P2 = x.B}; a constant when grouping by nothing (the whole set is one group).</summary>
    private LambdaExpression Key(IReadOnlyList<string> groupBy)
    {
        if (groupBy.Count == 0)
            return Expression.Lambda(Expression.Constant(1), _row);
        var members = groupBy.Select(Member).ToList();
        var type = KeyType(members.Select(m => m.Type).ToList());
        var bindings = members.Select((m, i) => (MemberBinding)Expression.Bind(type.GetProperty("P" + (i + 1))!, m));
        return Expression.Lambda(Expression.MemberInit(Expression.New(type), bindings), _row);
    }

    private static Type KeyType(IReadOnlyList<Type> types) =>
        types.Count == 0 ? typeof(int)
        : types.Count > 5 ? throw new ArgumentException("at most 5 group properties")
        : typeof(GroupKey<,,,,>).MakeGenericType([.. types, .. Enumerable.Repeat(typeof(bool), 5 - types.Count)]);

    private Expression Aggregate(ParameterExpression g, AggregateItem a)
    {
        if (a.Method == AggregateMethod.Count)
            return Expression.Call(typeof(Enumerable), nameof(Enumerable.LongCount), [typeof(T)], g);
        var member = Member(a.Field!);
        var nullable = CanBeNull(member.Type) ? member.Type : typeof(Nullable<>).MakeGenericType(member.Type);
        var value = Expression.Lambda(Expression.Convert(member, nullable), _row);
        switch (a.Method)
        {
            case AggregateMethod.CountDistinct:
                // EF Core 10 cannot put a member of an owned row (File) under COUNT(DISTINCT …), guarded or not.
                if (new NullGuardRemover().Visit(member) != member)
                    throw new NotSupportedException($"countdistinct 暂不支持文件属性 {a.Field} (countdistinct over a file property is not served)");
                var values = Expression.Call(typeof(Enumerable), nameof(Enumerable.Select), [typeof(T), member.Type], g, Expression.Lambda(member, _row));
                var distinct = Expression.Call(typeof(Enumerable), nameof(Enumerable.Distinct), [member.Type], values);
                // COUNT(DISTINCT …) skips nulls. Count, not LongCount: EF renders LongCount over DISTINCT as COUNT(DISTINCT *).
                return Expression.Convert(Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [member.Type], distinct), typeof(long));
            case AggregateMethod.Min or AggregateMethod.Max:
                return Expression.Call(typeof(Enumerable), a.Method.ToString(), [typeof(T), nullable], g, value);
            default: // Sum, Average over long?/double?/decimal?
                return Expression.Call(typeof(Enumerable), a.Method.ToString(), [typeof(T)], g, value);
        }
    }

    private static Expression Order(Expression query, ParameterExpression g, ApplyQuery apply, IReadOnlyList<Expression> columns)
    {
        var first = true;
        foreach (var key in apply.EffectiveOrder)
        {
            var column = columns[apply.Columns.ToList().IndexOf(key.Field)];
            if (CanBeNull(column.Type))
            {
                var isNull = Expression.Equal(column, Expression.Constant(null, column.Type));
                query = Sort(query, g, Expression.Condition(isNull, Expression.Constant(0), Expression.Constant(1)), key.Descending, first);
                first = false;
            }
            query = Sort(query, g, column, key.Descending, first);
            first = false;
        }
        return query;
    }

    private static Expression Sort(Expression query, ParameterExpression g, Expression key, bool descending, bool first)
    {
        var name = first
            ? descending ? nameof(Queryable.OrderByDescending) : nameof(Queryable.OrderBy)
            : descending ? nameof(Queryable.ThenByDescending) : nameof(Queryable.ThenBy);
        return Call(name, [g.Type, key.Type], query, Expression.Lambda(key, g));
    }

    private static Expression Call(string method, Type[] types, Expression source, Expression argument) =>
        Expression.Call(typeof(Queryable), method, types, source, argument is LambdaExpression l ? Expression.Quote(l) : argument);

    /// <summary>Values as the model types them: whole numbers as long, time as UTC DateTimeOffset.</summary>
    private static void Normalise(object?[] row)
    {
        for (var i = 0; i < row.Length; i++)
            row[i] = row[i] switch
            {
                int n => (long)n,
                DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
                var v => v,
            };
    }

    private object?[] EmptySet(ApplyQuery apply) =>
        apply.Aggregates.Select(a => a.Method switch
        {
            AggregateMethod.Count or AggregateMethod.CountDistinct => 0L,
            AggregateMethod.Sum => Zero(Member(a.Field!).Type),
            _ => null,
        }).ToArray();

    private static object Zero(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(double) => 0d,
        var t when t == typeof(decimal) => 0m,
        _ => 0L,
    };

    private Expression Member(string name) => fields.Member(name, _row);

    private static bool CanBeNull(Type t) => !t.IsValueType || Nullable.GetUnderlyingType(t) is not null;
}

/// <summary>a == null ? null : b  →  b; a changed tree means the member reads through an optional owned row.</summary>
internal sealed class NullGuardRemover : ExpressionVisitor
{
    protected override Expression VisitConditional(ConditionalExpression node) =>
        node is { Test: BinaryExpression { NodeType: ExpressionType.Equal, Right: ConstantExpression { Value: null } }, IfTrue: ConstantExpression { Value: null } }
            ? Visit(node.IfFalse)
            : base.VisitConditional(node);
}

/// <summary>A group key EF Core can translate: only the bound properties are grouped on (unused ones stay unbound).</summary>
public sealed class GroupKey<T1, T2, T3, T4, T5>
{
    public T1 P1 { get; set; } = default!;
    public T2 P2 { get; set; } = default!;
    public T3 P3 { get; set; } = default!;
    public T4 P4 { get; set; } = default!;
    public T5 P5 { get; set; } = default!;
}
