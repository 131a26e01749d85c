using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Taxonomy;

namespace ResourceHub.Application.Curation;

/// <summary>A quota as an admin enters it; RegionCode defaults to the admin's own organisation, Year to this year.</summary>
public sealed record QuotaInput(string? Level, string? RegionCode, string? Subject, int? Year, int? MaxCount);

/// <summary>
/// Quotas: region admins set how many items a region (their own or one below it) may recommend at a
/// level, per subject and year. A region without a quota row for that combination is not limited.
/// </summary>
public sealed class QuotaAdmin(ResourceHubDbContext db, CurationStore store, TaxonomyCatalog taxonomy, TimeProvider clock)
{
    public const int ListSize = 200;

    /// <summary>Quotas of the admin's region: its own organisation's and those below it.</summary>
    public async Task<IQueryable<RecommendationQuota>> VisibleAsync(Caller caller, CancellationToken ct)
    {
        CurationPolicy.AuthorizeRegionAdmin(await store.ActorAsync(caller, ct));
        var quotas = db.Set<RecommendationQuota>().AsNoTracking();
        var orgs = caller.Region.Orgs.ToList();
        return caller.Region.Everywhere ? quotas : quotas.Where(q => orgs.Contains(q.RegionCode));
    }

    public async Task<List<RecommendationQuota>> ListAsync(Caller caller, CancellationToken ct) =>
        await (await VisibleAsync(caller, ct))
            .OrderByDescending(q => q.Year).ThenBy(q => q.RegionCode).ThenBy(q => q.Level).ThenBy(q => q.Subject)
            .Take(ListSize).ToListAsync(ct);

    public async Task<RecommendationQuota> FindAsync(Caller caller, Guid id, CancellationToken ct) =>
        await (await VisibleAsync(caller, ct)).FirstOrDefaultAsync(q => q.Id == id, ct) ?? throw Missing(id);

    public async Task<RecommendationQuota> CreateAsync(Caller caller, QuotaInput input, CancellationToken ct)
    {
        var actor = await store.ActorAsync(caller, ct);
        CurationPolicy.AuthorizeRegionAdmin(actor);
        var quota = new RecommendationQuota
        {
            Id = Guid.NewGuid(),
            Level = input.Level?.Trim() ?? "",
            RegionCode = string.IsNullOrWhiteSpace(input.RegionCode) ? actor.Org!.Code : input.RegionCode.Trim(),
            Subject = input.Subject?.Trim() ?? "",
            Year = input.Year ?? clock.GetUtcNow().Year,
            MaxCount = input.MaxCount ?? -1,
        };
        RecommendationLevels.CheckKnown(quota.Level);
        if (taxonomy.Subjects.Check(quota.Subject) is { } bad)
            throw CurationError.Invalid(bad, "Subject");
        if (quota.Year is < 2000 or > 2100)
            throw CurationError.Invalid("年度须在 2000 到 2100 之间 (Year must be 2000–2100)", "Year");
        CheckCount(quota.MaxCount);
        CurationPolicy.AuthorizeRegionAdmin(actor, await store.RegionOfAsync(quota.RegionCode, ct));
        if (await db.Set<RecommendationQuota>().AnyAsync(q => q.Level == quota.Level && q.RegionCode == quota.RegionCode
                && q.Subject == quota.Subject && q.Year == quota.Year, ct))
            throw CurationError.Conflict("该区域本年度此学科此级别的名额已设置，请修改原有名额 (this quota exists; change it instead)");
        db.Add(quota);
        await store.SaveOrConflictAsync(ct);
        return quota;
    }

    /// <summary>Only MaxCount changes; the other fields identify the quota.</summary>
    public async Task<RecommendationQuota> SetMaxAsync(Caller caller, Guid id, int? maxCount, Action<RecommendationQuota>? checkVersion,
        CancellationToken ct)
    {
        var actor = await store.ActorAsync(caller, ct);
        var quota = await db.Set<RecommendationQuota>().FirstOrDefaultAsync(q => q.Id == id, ct) ?? throw Missing(id);
        CurationPolicy.AuthorizeRegionAdmin(actor, await store.RegionOfAsync(quota.RegionCode, ct));
        checkVersion?.Invoke(quota);
        if (maxCount is { } m)
        {
            CheckCount(m);
            quota.MaxCount = m;
        }
        await store.SaveOrConflictAsync(ct);
        return quota;
    }

    private static void CheckCount(int count)
    {
        if (count < 0)
            throw CurationError.Invalid("名额数须为非负整数 (MaxCount must be 0 or more)", "MaxCount");
    }

    private static AppError Missing(Guid id) => AppError.NotFound($"名额 {id} 不存在 (no quota with this id)");
}
