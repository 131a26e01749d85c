namespace ResourceHub.Query.Model;

/// <summary>
/// A validated $apply over one entity set: rows narrowed by <see cref="Filter"/> (the filter(...) steps), grouped by
/// <see cref="GroupBy"/> (none: one group of every row), one value per <see cref="Aggregates"/> item, then the groups
/// sorted and cut. Every backend renders exactly this.
/// </summary>
public sealed record ApplyQuery
{
    /// <summary>The filter(...) transformations before grouping, ANDed; null when there are none.</summary>
    public FilterNode? Filter { get; init; }
    public IReadOnlyList<string> GroupBy { get; init; } = [];
    public IReadOnlyList<AggregateItem> Aggregates { get; init; } = [];
    /// <summary>Over result columns (group properties and aliases); backends append the group properties as tie-breakers.</summary>
    public IReadOnlyList<OrderBy> OrderBy { get; init; } = [];
    public int? Top { get; init; }
    public int? Skip { get; init; }

    /// <summary>The result's columns in order: group properties, then aliases.</summary>
    public IReadOnlyList<string> Columns => [.. GroupBy, .. Aggregates.Select(a => a.Alias)];

    /// <summary>Entity fields the grouping and aggregates read (not the filter), for rules about which fields a caller may query.</summary>
    public IEnumerable<string> FieldsRead => GroupBy.Concat(Aggregates.Where(a => a.Field is not null).Select(a => a.Field!));

    /// <summary>The sort as rendered: asked keys, then every group property not yet sorted on, ascending.</summary>
    public IReadOnlyList<OrderBy> EffectiveOrder =>
        [.. OrderBy, .. GroupBy.Where(g => OrderBy.All(o => o.Field != g)).Select(g => new OrderBy(g, false))];
}

public enum AggregateMethod { Count, Sum, Average, Min, Max, CountDistinct }

/// <summary>
/// One aggregate: <c>$count as Alias</c> (Field null) or <c>Field with method as Alias</c>. Nulls are skipped;
/// over no values sum is 0, average/min/max null, countdistinct 0.
/// </summary>
public sealed record AggregateItem(AggregateMethod Method, string? Field, string Alias)
{
    /// <summary>The type of the aggregate's value for a field of <paramref name="fieldType"/>.</summary>
    public FieldType ResultType(FieldType? fieldType) => Method switch
    {
        AggregateMethod.Count or AggregateMethod.CountDistinct => FieldType.Int64,
        AggregateMethod.Average => FieldType.Double,
        _ => fieldType ?? FieldType.Int64,
    };
}

/// <summary>
/// The groups of an $apply: one value per column (<see cref="ApplyQuery.Columns"/>) in each row, typed as the model
/// types them (string, long, double, DateTimeOffset …). <paramref name="More"/>: rows beyond these exist.
/// </summary>
public sealed record ApplyResult(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows, bool More = false)
{
    /// <summary>How many groups a backend returns: at most <paramref name="limit"/>, fewer when $top asks for fewer.</summary>
    public static int Take(ApplyQuery apply, int limit) => Math.Min(limit, apply.Top ?? int.MaxValue);

    /// <summary>The result from up to <paramref name="take"/> + 1 groups read after $skip: the extra one only says more exist
    /// (a next link is offered only when $top did not cut them).</summary>
    public static ApplyResult Cut(ApplyQuery apply, IReadOnlyList<object?[]> found, int take)
    {
        var more = found.Count > take;
        return new ApplyResult(apply.Columns, more ? found.Take(take).ToList() : found, more && apply.Top is null);
    }
}
