using ResourceHub.Domain.Access;

namespace ResourceHub.Application.Statistics;

/// <summary>Every figure of the statistics page for one region and date range, in page order.</summary>
public sealed record StatsReport(StatsScope Scope, IReadOnlyList<FigureTable> Figures);

/// <summary>
/// The statistics use case the web page (and any other adapter) calls: resolves and authorises the scope once,
/// then reads the figures. <see cref="OneAsync"/> reads a single figure for an export, <see cref="CrossAsync"/> the cross table.
/// </summary>
public sealed class StatsReports(StatsScopes scopes, ResourceFigures resources, CurationFigures curation, UsageFigures usage)
{
    public static readonly IReadOnlyList<string> Ids =
    [
        ResourceFigures.ByRegion, ResourceFigures.BySubject, ResourceFigures.ByStage, ResourceFigures.ByKind, ResourceFigures.Uploads,
        CurationFigures.Funnel, CurationFigures.DecisionDays, CurationFigures.Experts,
        UsageFigures.Downloads, UsageFigures.Ratings, UsageFigures.Top,
    ];

    public async Task<StatsReport> ReadAsync(Caller caller, StatsFilter filter, CancellationToken ct)
    {
        var scope = await scopes.ResolveAsync(caller, filter, ct);
        var figures = new List<FigureTable>();
        foreach (var id in Ids)
            figures.Add(await ReadAsync(scope, id, ct));
        return new StatsReport(scope, figures);
    }

    public async Task<FigureTable> OneAsync(Caller caller, StatsFilter filter, string id, CancellationToken ct)
    {
        var scope = await scopes.ResolveAsync(caller, filter, ct);
        if (!Ids.Contains(id))
            throw AppError.NotFound($"统计图表 '{id}' 不存在 (unknown figure); 可用值: {string.Join(", ", Ids)}");
        return await ReadAsync(scope, id, ct);
    }

    /// <summary>The cross table of two dimensions in the same scope as the other figures.</summary>
    public async Task<CrossTable> CrossAsync(Caller caller, StatsFilter filter, CrossTabRequest request, CancellationToken ct) =>
        await resources.CrossAsync(await scopes.ResolveAsync(caller, filter, ct), request, ct);

    private Task<FigureTable> ReadAsync(StatsScope scope, string id, CancellationToken ct) => id switch
    {
        ResourceFigures.Uploads => resources.MonthlyUploadsAsync(scope, ct),
        CurationFigures.Funnel => curation.FunnelAsync(scope, ct),
        CurationFigures.DecisionDays => curation.DecisionDaysAsync(scope, ct),
        CurationFigures.Experts => curation.ExpertsAsync(scope, ct),
        UsageFigures.Downloads => usage.DownloadsAsync(scope, ct),
        UsageFigures.Ratings => usage.RatingsAsync(scope, ct),
        UsageFigures.Top => usage.TopAsync(scope, ct),
        _ => resources.ByAsync(scope, id, ct),
    };
}
