using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Domain.Resources;
using ResourceHub.Domain.Taxonomy;

namespace ResourceHub.Application.Statistics;

/// <summary>
/// What the region holds: published resources (recommended ones included) by 学科, 学段, 类型 and sub-region, and
/// resources created per month. Counted in SQL, named from the taxonomy and the organisation tree.
/// </summary>
public sealed class ResourceFigures(ResourceHubDbContext db, TaxonomyCatalog taxonomy)
{
    public const string BySubject = "subject";
    public const string ByStage = "stage";
    public const string ByKind = "kind";
    public const string ByRegion = "region";
    public const string Uploads = "uploads";

    public async Task<FigureTable> ByAsync(StatsScope scope, string dimension, CancellationToken ct)
    {
        var published = Created(scope, scope.Resources(db)).Where(r => ResourceStatus.PublicStates.Contains(r.Status));
        var grouped = dimension switch
        {
            BySubject => published.GroupBy(r => r.Subject),
            ByStage => published.GroupBy(r => r.Stage),
            ByKind => published.GroupBy(r => r.Kind),
            ByRegion => published.GroupBy(r => r.OwnerOrg),
            _ => throw AppError.BadRequest($"统计维度 '{dimension}' 不存在 (unknown dimension); 可用值: subject, stage, kind, region", "dimension"),
        };
        var counts = await grouped.Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        IEnumerable<(string Key, int Count)> rows = counts.Select(c => (c.Key, c.Count));
        Func<string, string> name;
        string title, column;
        switch (dimension)
        {
            case BySubject: (title, column, name) = ("各学科资源数", "学科", c => taxonomy.Subjects.NameOf(c) ?? c); break;
            case ByStage: (title, column, name) = ("各学段资源数", "学段", c => taxonomy.Stages.NameOf(c) ?? c); break;
            case ByKind: (title, column, name) = ("各类型资源数", "类型", c => taxonomy.Kinds.NameOf(c) ?? c); break;
            default:
                var rowOf = scope.RowOf();
                rows = rows.GroupBy(r => rowOf(r.Key)).Select(g => (g.Key, g.Sum(r => r.Count)));
                (title, column, name) = ("各区域资源数", "区域", scope.NameOf);
                break;
        }
        var table = rows.Select(r => new FigureRow(r.Key, name(r.Key), [r.Count]))
            .OrderByDescending(r => r.Values[0]).ThenBy(r => r.Label, StringComparer.Ordinal).ToList();
        return new FigureTable(dimension, title, [column, "已发布资源数"], table);
    }

    /// <summary>Resources created per month (any state: what was uploaded), zero months included.</summary>
    public async Task<FigureTable> MonthlyUploadsAsync(StatsScope scope, CancellationToken ct)
    {
        var byMonth = await ChinaMonths.CountAsync(Created(scope, scope.Resources(db)).Select(r => r.CreatedAt), ct);
        var first = await Created(scope, scope.Resources(db)).MinAsync(r => (DateTime?)r.CreatedAt, ct);
        var rows = ChinaMonths.Fill(scope.Months(first), m => [byMonth.GetValueOrDefault(m)]);
        return new FigureTable(Uploads, "每月上传资源数", ["月份", "上传数"], rows);
    }

    private static IQueryable<Resource> Created(StatsScope scope, IQueryable<Resource> resources) => scope.During(resources, r => r.CreatedAt);
}
