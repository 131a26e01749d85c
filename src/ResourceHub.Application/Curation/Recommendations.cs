using Microsoft.EntityFrameworkCore;
using ResourceHub.Application.Resources;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Application.Curation;

/// <summary>A live item as the 推优 page lists it: where it stands, the next level, and the nominations it has.</summary>
public sealed record Candidate(Resource Resource, string? NextLevel, IReadOnlyList<Nomination> Nominations);

/// <summary>
/// 推优 and recommendation: a workshop host nominates a live item for its next level, an admin grants the next
/// level within their region and quota. Rules (roles, region, one step at a time, quotas) live in
/// <see cref="CurationWorkflow"/>; this runs them for OData and the web alike.
/// </summary>
public sealed class Recommendations(ResourceHubDbContext db, ResourceReader resources, CurationRunner runner, TimeProvider clock)
{
    public const int ListSize = 50;

    public Task<Resource> NominateAsync(Caller caller, Guid id, string? level, string? reason, Action<Resource>? checkVersion,
        CancellationToken ct)
    {
        RequireLevel(level);
        return runner.ActAsync(caller, id, checkVersion, s => s.NominateAsync(level!, reason ?? ""), ct);
    }

    public Task<Resource> RecommendAsync(Caller caller, Guid id, string? level, string? reason, Action<Resource>? checkVersion,
        CancellationToken ct)
    {
        RequireLevel(level);
        return runner.ActAsync(caller, id, checkVersion, s => s.RecommendAsync(level!, reason), ct);
    }

    /// <summary>
    /// Live items the caller may put forward: for a host any live item but their own; for an admin those of their region.
    /// Nominated items come first; <paramref name="query"/> narrows by title.
    /// </summary>
    public async Task<List<Candidate>> CandidatesAsync(Caller caller, string? query, CancellationToken ct)
    {
        if (!caller.Is(Roles.WorkshopHost) && !caller.IsAdmin)
            throw CurationError.Forbidden("只有工作坊坊主和管理员可以推优或推荐 (only workshop hosts and admins nominate or recommend)");
        var live = ResourceStatus.PublicStates.ToList();
        var items = resources.Visible(caller).AsNoTracking()
            .Where(r => live.Contains(r.Status) && r.CreatedBy != caller.UserId && r.RecommendationLevel != RecommendationLevels.National);
        if (caller.IsAdmin && !caller.Region.Everywhere)
        {
            var orgs = caller.Region.Orgs.ToList();
            items = items.Where(r => orgs.Contains(r.OwnerOrg));
        }
        if (!string.IsNullOrWhiteSpace(query))
            items = items.Where(r => r.Title.Contains(query.Trim()));
        var nominated = db.Set<Nomination>();
        var rows = await items
            .OrderByDescending(r => nominated.Any(n => n.ResourceId == r.Id))
            .ThenByDescending(r => r.UpdatedAt)
            .Take(ListSize).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var nominations = (await nominated.AsNoTracking().Where(n => ids.Contains(n.ResourceId)).ToListAsync(ct))
            .OrderBy(n => n.At).ToLookup(n => n.ResourceId);
        return rows.Select(r => new Candidate(r, RecommendationLevels.Next(r.RecommendationLevel), nominations[r.Id].ToList())).ToList();
    }

    /// <summary>Quota usage this year in the caller's region (own organisation first), for everyone who recommends to see.</summary>
    public async Task<List<RecommendationQuota>> QuotaUsageAsync(Caller caller, CancellationToken ct)
    {
        var year = clock.GetUtcNow().Year;
        var quotas = db.Set<RecommendationQuota>().AsNoTracking().Where(q => q.Year == year);
        if (!caller.Region.Everywhere)
        {
            var orgs = caller.Region.Orgs.Append(caller.OrgCode).ToList();
            quotas = quotas.Where(q => orgs.Contains(q.RegionCode));
        }
        var rows = await quotas.ToListAsync(ct);
        return rows.OrderBy(q => q.RegionCode != caller.OrgCode).ThenBy(q => q.RegionCode)
            .ThenBy(q => RecommendationLevels.Rank(q.Level)).ThenBy(q => q.Subject).ToList();
    }

    internal static void RequireLevel(string? level)
    {
        if (string.IsNullOrWhiteSpace(level))
            throw CurationError.Invalid("请选择推荐级别 (level is required)", "level");
    }
}
