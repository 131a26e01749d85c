namespace ResourceHub.Query.Model;

/// <summary>
/// A validated query over one entity set: what every backend renders. Built from OData text by
/// the parser; never holds anything a client did not get past the whitelist.
/// </summary>
public sealed record EntityQuery
{
    public FilterNode? Filter { get; init; }
    /// <summary>Sort keys as asked; backends append the key field as a final tie-breaker.</summary>
    public IReadOnlyList<OrderBy> OrderBy { get; init; } = [];
    public int? Top { get; init; }
    public int? Skip { get; init; }
    public bool Count { get; init; }
    /// <summary>Free text from $search, or null.</summary>
    public string? Search { get; init; }
    /// <summary>Fields from $select; empty means all.</summary>
    public IReadOnlyList<string> Select { get; init; } = [];
    public IReadOnlyList<ExpandItem> Expand { get; init; } = [];
    /// <summary>Keyset position decoded from $skiptoken: the sort values and key of the last row served.</summary>
    public KeysetPosition? After { get; init; }
}

public sealed record ExpandItem(string Navigation, IReadOnlyList<string> Select)
{
    /// <summary>Nested expansions, e.g. Items($expand=Resource).</summary>
    public IReadOnlyList<ExpandItem> Expand { get; init; } = [];
}

/// <summary>Values of the sort keys (in order, then the key) of the last row of the previous page.</summary>
public sealed record KeysetPosition(IReadOnlyList<object?> Values);
