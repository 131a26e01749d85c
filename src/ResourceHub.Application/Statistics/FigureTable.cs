namespace ResourceHub.Application.Statistics;

/// <summary>
/// One figure as a table: a label column, then numeric columns. The page draws its chart from the first numeric
/// column, shows the whole table beside it and exports it (CSV, XLSX) as is.
/// </summary>
/// <param name="Id">Stable name used in export links (e.g. "subject").</param>
/// <param name="Columns">Headers: the label column's first, then one per value.</param>
public sealed record FigureTable(string Id, string Title, IReadOnlyList<string> Columns, IReadOnlyList<FigureRow> Rows)
{
    public bool IsEmpty => Rows.Count == 0;
}

/// <param name="Key">The code behind the label (a taxonomy code, an organisation code, "2026-11"), for links.</param>
/// <param name="Label">What people read: taxonomy and organisation names, never codes when a name exists.</param>
public sealed record FigureRow(string Key, string Label, IReadOnlyList<double> Values);
