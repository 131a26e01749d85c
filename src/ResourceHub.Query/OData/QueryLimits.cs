namespace ResourceHub.Query.OData;

/// <summary>Bounds that keep one request cheap; beyond them the request is a 400, not a slow query.</summary>
public sealed record QueryLimits
{
    public int MaxTop { get; init; } = 200;
    public int MaxSkip { get; init; } = 100_000;
    /// <summary>Nodes in a translated $filter (comparisons, and/or/not, in-lists count their values).</summary>
    public int MaxFilterNodes { get; init; } = 100;
    public int MaxFilterDepth { get; init; } = 12;
    public int MaxInValues { get; init; } = 100;
    public int MaxOrderByKeys { get; init; } = 5;
    public int MaxExpandDepth { get; init; } = 2;
    public int MaxLiteralLength { get; init; } = 1000;
    /// <summary>Characters in $search: a search box's text, not a document.</summary>
    public int MaxSearchLength { get; init; } = 200;
    /// <summary>$apply: properties in one groupby, aggregates in one aggregate(...), and groups in one answer ($top and page size).</summary>
    public int MaxGroupByProperties { get; init; } = 5;
    public int MaxAggregates { get; init; } = 10;
    public int MaxGroups { get; init; } = 1000;

    public static readonly QueryLimits Default = new();
}
