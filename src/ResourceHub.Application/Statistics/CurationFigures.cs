using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Users;
using A = ResourceHub.Domain.Curation.CurationActions;

namespace ResourceHub.Application.Statistics;

/// <summary>
/// How curation is going in the region, from History (curation_events) and the reviews: the funnel, the time
/// from submission to decision, and each expert's reviews against the final decision. Events count when they
/// happened inside the date range.
/// </summary>
public sealed class CurationFigures(ResourceHubDbContext db)
{
    public const string Funnel = "funnel";
    public const string DecisionDays = "decision-days";
    public const string Experts = "experts";

    private static readonly string Submit = A.Code(CurationAction.Submit);
    private static readonly string Publish = A.Code(CurationAction.Publish);
    private static readonly string Recommend = A.Code(CurationAction.Recommend);

    /// <summary>The decisions a review round ends with, and the verdict that agrees with each.</summary>
    private static readonly Dictionary<string, string> VerdictOf = new()
    {
        [A.Code(CurationAction.Publish)] = Verdicts.Approve,
        [A.Code(CurationAction.RequestChanges)] = Verdicts.Changes,
        [A.Code(CurationAction.Reject)] = Verdicts.Reject,
    };

    /// <summary>Distinct resources that were submitted, reviewed, published, and recommended at each level.</summary>
    public async Task<FigureTable> FunnelAsync(StatsScope scope, CancellationToken ct)
    {
        var steps = new[] { Submit, A.Review, Publish, Recommend };
        var counts = await Events(scope)
            .Where(e => steps.Contains(e.Action))
            .GroupBy(e => new { e.Action, e.Level })
            .Select(g => new { g.Key.Action, g.Key.Level, Count = g.Select(e => e.ResourceId).Distinct().Count() })
            .ToListAsync(ct);
        int Of(string action, string? level = null) => counts.Where(c => c.Action == action && c.Level == level).Sum(c => c.Count);
        var rows = new List<FigureRow>
        {
            new("submitted", "已提交", [Of(Submit)]),
            new("reviewed", "已评审", [Of(A.Review)]),
            new("published", "已发布", [Of(Publish)]),
        };
        rows.AddRange(RecommendationLevels.Ordered.Select(level =>
            new FigureRow("recommended-" + level, "推荐为" + RecommendationLevels.NameOf(level), [Of(Recommend, level)])));
        return new FigureTable(Funnel, "评审推优漏斗（资源数）", ["环节", "资源数"], rows);
    }

    /// <summary>Median days from a submission to the decision that ended its round, per decision and overall.</summary>
    public async Task<FigureTable> DecisionDaysAsync(StatsScope scope, CancellationToken ct)
    {
        var decisions = await DecisionsAsync(scope, ct);
        var rows = new List<FigureRow> { Row("all", "全部决定", decisions.Select(d => d.Days).ToList()) };
        foreach (var (action, name) in new[] { (Publish, "发布"), (A.Code(CurationAction.RequestChanges), "退回修改"), (A.Code(CurationAction.Reject), "不予通过") })
            rows.Add(Row(action, name, decisions.Where(d => d.Action == action).Select(d => d.Days).ToList()));
        return new FigureTable(DecisionDays, "从提交到评审决定的天数（中位数）", ["决定", "中位天数", "决定数"], rows);

        static FigureRow Row(string key, string label, List<double> days) => new(key, label, [Math.Round(Median(days), 1), days.Count]);
    }

    /// <summary>Each expert's reviews in the range, and how many of the decided ones agreed with the decision.</summary>
    public async Task<FigureTable> ExpertsAsync(StatsScope scope, CancellationToken ct)
    {
        var ids = scope.ResourceIds(db);
        var reviews = scope.During(db.Set<Review>().Where(r => ids.Contains(r.ResourceId)), r => r.CreatedAt);
        var found = await reviews.Select(r => new { r.ReviewerId, r.ResourceId, r.CreatedAt, r.Verdict }).ToListAsync(ct);
        var reviewed = found.Select(r => r.ResourceId).Distinct().ToList();
        var decisionCodes = VerdictOf.Keys.ToList();
        var decisions = (await db.Set<CurationEvent>()
                .Where(e => reviewed.Contains(e.ResourceId) && decisionCodes.Contains(e.Action))
                .Select(e => new { e.ResourceId, e.Action, e.At, e.Id })
                .ToListAsync(ct))
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .ToLookup(e => e.ResourceId);
        var reviewers = found.Select(r => r.ReviewerId).Distinct().ToList();
        var names = await db.Set<User>().Where(u => reviewers.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var rows = found
            .Select(r => (r.ReviewerId, Decision: decisions[r.ResourceId].FirstOrDefault(d => d.At >= r.CreatedAt)?.Action, r.Verdict))
            .GroupBy(r => r.ReviewerId)
            .Select(g =>
            {
                var decided = g.Count(r => r.Decision is not null);
                var agreed = g.Count(r => r.Decision is { } d && VerdictOf[d] == r.Verdict);
                return new FigureRow(g.Key, names.GetValueOrDefault(g.Key, g.Key),
                    [g.Count(), decided, agreed, decided == 0 ? 0 : Math.Round(100.0 * agreed / decided, 1)]);
            })
            .OrderByDescending(r => r.Values[0]).ThenBy(r => r.Label, StringComparer.Ordinal)
            .ToList();
        return new FigureTable(Experts, "专家评审量与一致率", ["专家", "评审数", "已决定", "与最终决定一致", "一致率（%）"], rows);
    }

    /// <summary>Each decision in the range with the days since the submission that opened its round.</summary>
    private async Task<List<(string Action, double Days)>> DecisionsAsync(StatsScope scope, CancellationToken ct)
    {
        var ids = scope.ResourceIds(db);
        var codes = VerdictOf.Keys.Append(Submit).ToList();
        var events = await db.Set<CurationEvent>()
            .Where(e => ids.Contains(e.ResourceId) && codes.Contains(e.Action) && (scope.ToUtc == null || e.At < scope.ToUtc))
            .Select(e => new { e.ResourceId, e.Action, e.At, e.Id })
            .ToListAsync(ct);
        var result = new List<(string, double)>();
        foreach (var item in events.GroupBy(e => e.ResourceId))
        {
            DateTime? submitted = null;
            foreach (var e in item.OrderBy(e => e.At).ThenBy(e => e.Id))
            {
                if (e.Action == Submit)
                    submitted = e.At;
                else if (submitted is { } s)
                {
                    if (scope.FromUtc is not { } from || e.At >= from)
                        result.Add((e.Action, (e.At - s).TotalDays));
                    submitted = null;
                }
            }
        }
        return result;
    }

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
            return 0;
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private IQueryable<CurationEvent> Events(StatsScope scope)
    {
        var ids = scope.ResourceIds(db);
        return scope.During(db.Set<CurationEvent>().Where(e => ids.Contains(e.ResourceId)), e => e.At);
    }
}
