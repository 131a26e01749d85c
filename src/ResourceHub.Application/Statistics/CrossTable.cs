namespace ResourceHub.Application.Statistics;

/// <summary>What the cross table should show: two dimensions (<see cref="ResourceDimension.Ids"/>) and optional taxonomy codes to narrow by.</summary>
public sealed record CrossTabRequest(string? Rows, string? Columns, string? Subject = null, string? Stage = null, string? Kind = null)
{
    public static readonly CrossTabRequest Default = new(ResourceDimension.Subject, ResourceDimension.Stage);
}

/// <param name="Key">A taxonomy or organisation code (for links); <see cref="StatsScope.Unregistered"/> for unregistered owners.</param>
public sealed record CrossHeader(string Key, string Label);

/// <summary>
/// Published resources counted by two dimensions: <see cref="Counts"/>[row][column], with the totals people read
/// at the end of each row and column. Rows and columns hold only the values that occur.
/// </summary>
public sealed record CrossTable(string Title, ResourceDimension RowDimension, ResourceDimension ColumnDimension,
    IReadOnlyList<CrossHeader> Rows, IReadOnlyList<CrossHeader> Columns, IReadOnlyList<IReadOnlyList<int>> Counts)
{
    public const string Id = "cross";
    public const string TotalLabel = "合计";

    public bool IsEmpty => Rows.Count == 0;

    public int RowTotal(int row) => Counts[row].Sum();

    public int ColumnTotal(int column) => Counts.Sum(r => r[column]);

    public int Total => Counts.Sum(r => r.Sum());

    public int Max => Counts.SelectMany(r => r).DefaultIfEmpty().Max();

    /// <summary>The table as exported: a header row, one row per row value with its total, and the totals row.</summary>
    public FigureTable ToFigure()
    {
        var columns = new List<string> { $"{RowDimension.Name} \\ {ColumnDimension.Name}" };
        foreach (var c in Columns)
            columns.Add(columns.Contains(c.Label) ? $"{c.Label}（{c.Key}）" : c.Label);
        columns.Add(TotalLabel);
        var rows = Rows.Select((r, i) => new FigureRow(r.Key, r.Label, [.. Counts[i].Select(v => (double)v), RowTotal(i)])).ToList();
        if (!IsEmpty)
            rows.Add(new FigureRow("total", TotalLabel, [.. Columns.Select((_, j) => (double)ColumnTotal(j)), Total]));
        return new FigureTable(Id, Title, columns, rows);
    }
}
