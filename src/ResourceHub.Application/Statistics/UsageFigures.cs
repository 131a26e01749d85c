using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Taxonomy;

namespace ResourceHub.Application.Statistics;

/// <summary>
/// What teachers use in the region, from usage_events (one row per download and per rating given): downloads and
/// ratings per month, and the most downloaded resources of each subject in the date range.
/// </summary>
public sealed class UsageFigures(ResourceHubDbContext db, TaxonomyCatalog taxonomy)
{
    public const string Downloads = "downloads";
    public const string Ratings = "ratings";
    public const string Top = "top";
    public const int TopPerSubject = 3;

    public async Task<FigureTable> DownloadsAsync(StatsScope scope, CancellationToken ct)
    {
        var events = Events(scope, UsageEvent.Download);
        var byMonth = await ChinaMonths.CountAsync(events.Select(e => e.At), ct);
        var first = await events.MinAsync(e => (DateTime?)e.At, ct);
        return new FigureTable(Downloads, "每月下载次数", ["月份", "下载次数"],
            ChinaMonths.Fill(scope.Months(first), m => [byMonth.GetValueOrDefault(m)]));
    }

    /// <summary>Ratings given per month (a changed rating counts again) and their mean stars.</summary>
    public async Task<FigureTable> RatingsAsync(StatsScope scope, CancellationToken ct)
    {
        var events = Events(scope, UsageEvent.Rating);
        var months = await events.Select(e => new { At = e.At.AddHours(ChinaMonths.OffsetHours), Stars = e.Stars ?? 0 })
            .GroupBy(e => new { e.At.Year, e.At.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count(), Stars = g.Sum(e => e.Stars) })
            .ToListAsync(ct);
        var byMonth = months.ToDictionary(m => (m.Year, m.Month));
        var first = await events.MinAsync(e => (DateTime?)e.At, ct);
        return new FigureTable(Ratings, "每月评分人次", ["月份", "评分人次", "平均星级"],
            ChinaMonths.Fill(scope.Months(first), m => byMonth.TryGetValue(m, out var r)
                ? [r.Count, Math.Round((double)r.Stars / r.Count, 2)]
                : [0, 0]));
    }

    /// <summary>Per subject, the <see cref="TopPerSubject"/> resources downloaded most in the range (ties: title).</summary>
    public async Task<FigureTable> TopAsync(StatsScope scope, CancellationToken ct)
    {
        var counts = await Events(scope, UsageEvent.Download)
            .GroupBy(e => e.ResourceId)
            .Select(g => new { Id = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var ids = counts.Select(c => c.Id).ToList();
        var resources = await db.Resources.Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.Title, r.Subject })
            .ToDictionaryAsync(r => r.Id, ct);
        var rows = counts
            .Select(c => (Resource: resources[c.Id], c.Count))
            .GroupBy(c => c.Resource.Subject)
            .OrderBy(g => taxonomy.Subjects.NameOf(g.Key) ?? g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.OrderByDescending(c => c.Count).ThenBy(c => c.Resource.Title, StringComparer.Ordinal).Take(TopPerSubject))
            .Select(c => new FigureRow(c.Resource.Id.ToString(),
                $"{taxonomy.Subjects.NameOf(c.Resource.Subject) ?? c.Resource.Subject}：{c.Resource.Title}", [c.Count]))
            .ToList();
        return new FigureTable(Top, $"各学科下载最多的资源（前 {TopPerSubject} 名）", ["学科：资源", "下载次数"], rows);
    }

    private IQueryable<UsageEvent> Events(StatsScope scope, string kind)
    {
        var ids = scope.ResourceIds(db);
        return scope.During(db.Set<UsageEvent>().Where(e => e.Kind == kind && ids.Contains(e.ResourceId)), e => e.At);
    }
}
