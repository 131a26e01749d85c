using Microsoft.AspNetCore.Mvc;
using ResourceHub.Application.Statistics;
using ResourceHub.Web.Hosting;
using ResourceHub.Web.Rendering;

namespace ResourceHub.Web.Pages.Admin;

/// <summary>统计: the figures of the admin's region as SVG charts with their tables and exports (all from <see cref="StatsReports"/>).</summary>
public sealed class StatsModel(StatsReports reports) : WorkPage
{
    /// <summary>Figures over time are drawn as lines, the others as bars.</summary>
    private static readonly HashSet<string> Lines = [ResourceFigures.Uploads, UsageFigures.Downloads, UsageFigures.Ratings];

    [BindProperty(SupportsGet = true)] public string? Org { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    /// <summary>The cross table's dimensions (<see cref="ResourceDimension.Ids"/>) and the codes it is narrowed by.</summary>
    [BindProperty(SupportsGet = true)] public string? Rows { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cols { get; set; }
    [BindProperty(SupportsGet = true)] public string? Subject { get; set; }
    [BindProperty(SupportsGet = true)] public string? Stage { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }

    public StatsReport Report { get; private set; } = null!;
    public CrossTable Cross { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var caller = await CallerAsync(ct);
        Report = await reports.ReadAsync(caller, Filter, ct);
        Cross = await reports.CrossAsync(caller, Filter, CrossRequest, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(string? figure, string? format, CancellationToken ct)
    {
        var caller = await CallerAsync(ct);
        var table = figure == CrossTable.Id
            ? (await reports.CrossAsync(caller, Filter, CrossRequest, ct)).ToFigure()
            : await reports.OneAsync(caller, Filter, figure ?? "", ct);
        var (bytes, contentType, fileName) = FigureExport.Write(table, format ?? "");
        return File(bytes, contentType, fileName);
    }

    private StatsFilter Filter => new(Org, From, To);

    /// <summary>学科 × 学段 until the admin picks other dimensions.</summary>
    public CrossTabRequest CrossRequest => new(Rows ?? CrossTabRequest.Default.Rows, Cols ?? CrossTabRequest.Default.Columns, Subject, Stage, Kind);

    /// <summary>The query values the cross-table form carries, to keep them across the other forms and links.</summary>
    public IEnumerable<(string Name, string Value)> CrossQuery =>
        new[] { ("rows", Rows), ("cols", Cols), ("subject", Subject), ("stage", Stage), ("kind", Kind) }
            .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => (p.Item1, p.Item2!));

    public string CrossChart() => SvgChart.HeatMap("chart-" + CrossTable.Id, Cross.Title,
        Cross.Rows.Select(r => r.Label).ToList(), Cross.Columns.Select(c => c.Label).ToList(), Cross.Counts);

    /// <summary>Whether a region header of the cross table can be drilled into, as in the region figure.</summary>
    public bool CanDrill(ResourceDimension dimension, CrossHeader header) =>
        dimension.Id == ResourceDimension.Region && Report.Scope.Children.Any(c => c.Code == header.Key);

    public string Chart(FigureTable table)
    {
        var data = table.Rows.Select(r => (r.Label, r.Values[0])).ToList();
        return Lines.Contains(table.Id) ? SvgChart.Line("chart-" + table.Id, table.Title, data) : SvgChart.Bars("chart-" + table.Id, table.Title, data);
    }

    /// <summary>This page with the same filter, drilled into <paramref name="org"/> (null: the caller's top).</summary>
    public string Link(string? org, string? handler = null, string? figure = null, string? format = null)
    {
        var query = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
                query.Add(key + "=" + Uri.EscapeDataString(value));
        }
        Add("org", org);
        Add("from", From?.ToString("yyyy-MM-dd"));
        Add("to", To?.ToString("yyyy-MM-dd"));
        foreach (var (name, value) in CrossQuery)
            Add(name, value);
        Add("handler", handler);
        Add("figure", figure);
        Add("format", format);
        return "/admin/stats" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }

    /// <summary>Whether a row of the region figure can be drilled into (a registered organisation below this one).</summary>
    public bool CanDrill(FigureTable table, FigureRow row) =>
        table.Id == ResourceFigures.ByRegion && Report.Scope.Children.Any(c => c.Code == row.Key);
}
