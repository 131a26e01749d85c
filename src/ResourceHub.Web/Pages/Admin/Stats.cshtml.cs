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

    public StatsReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Report = await reports.ReadAsync(await CallerAsync(ct), Filter, ct);

    public async Task<IActionResult> OnGetExportAsync(string? figure, string? format, CancellationToken ct)
    {
        var table = await reports.OneAsync(await CallerAsync(ct), Filter, figure ?? "", ct);
        var (bytes, contentType, fileName) = FigureExport.Write(table, format ?? "");
        return File(bytes, contentType, fileName);
    }

    private StatsFilter Filter => new(Org, From, To);

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
        Add("handler", handler);
        Add("figure", figure);
        Add("format", format);
        return "/admin/stats" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }

    /// <summary>Whether a row of the region figure can be drilled into (a registered organisation below this one).</summary>
    public bool CanDrill(FigureTable table, FigureRow row) =>
        table.Id == ResourceFigures.ByRegion && Report.Scope.Children.Any(c => c.Code == row.Key);
}
