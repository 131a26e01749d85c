using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Application.Curation;

/// <summary>Loads what the curation workflow needs from the database and saves what it changed, atomically.</summary>
public sealed class CurationStore(ResourceHubDbContext db, IMediaStarter media, Resources.UploadChecks checks)
{
    /// <summary>Deeper than any real hierarchy (province → city → county → school); stops a ParentCode cycle.</summary>
    private const int MaxRegionDepth = 8;

    public async Task<Actor> ActorAsync(Caller caller, CancellationToken ct) =>
        new(caller, await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == caller.OrgCode, ct));

    /// <summary>规范性检查 of the item as it would be submitted (its pending revision, if any).</summary>
    public Task<IReadOnlyList<Domain.Resources.Checks.CheckResult>> ChecksAsync(CurationItem item, CancellationToken ct) =>
        checks.ForAsync(ResourceRevision.Preview(item.Resource, item.Revision), ct);

    public Task<bool> OrganizationExistsAsync(string code, CancellationToken ct) => db.Organizations.AnyAsync(o => o.Code == code, ct);

    /// <summary>The organisation and every region above it, nearest first.</summary>
    public async Task<IReadOnlyList<string>> RegionOfAsync(string orgCode, CancellationToken ct)
    {
        var chain = new List<string>();
        string? code = orgCode;
        while (code is not null && chain.Count < MaxRegionDepth && !chain.Contains(code))
        {
            chain.Add(code);
            var current = code;
            code = await db.Organizations.Where(o => o.Code == current).Select(o => o.ParentCode).FirstOrDefaultAsync(ct);
        }
        return chain;
    }

    public async Task<CurationItem> LoadAsync(Resource resource, CancellationToken ct)
    {
        var region = await RegionOfAsync(resource.OwnerOrg, ct);
        var revision = await db.Set<ResourceRevision>().FirstOrDefaultAsync(r => r.ResourceId == resource.Id, ct);
        var reviewCase = await db.Set<ReviewCase>().FirstOrDefaultAsync(c => c.ResourceId == resource.Id, ct);
        var stats = await db.Set<ResourceStats>().FirstOrDefaultAsync(s => s.ResourceId == resource.Id, ct);
        return new CurationItem(new CurationTarget(resource, region), revision, reviewCase, stats);
    }

    /// <summary>
    /// The rubric that judges an item: among rubrics of its own region (nearest first), one listing its kind,
    /// else one for any kind; system rubrics (no owner) come last.
    /// </summary>
    public async Task<Rubric> RubricForAsync(CurationItem item, CancellationToken ct)
    {
        var region = item.Target.Region.ToList();
        var kind = item.Revision?.Kind ?? item.Resource.Kind;
        var rubrics = await db.Set<Rubric>().Include(r => r.Criteria)
            .Where(r => region.Contains(r.OwnerOrg) || r.OwnerOrg == "").ToListAsync(ct);
        foreach (var owner in region.Append(""))
            if (Rubric.For(rubrics.Where(r => r.OwnerOrg == owner), kind) is { } rubric)
                return rubric;
        throw CurationError.Conflict("没有适用的评审量规，请联系管理员 (no rubric applies to this kind)");
    }

    public async Task<Rubric> RubricAsync(Guid id, CancellationToken ct) =>
        await db.Set<Rubric>().Include(r => r.Criteria).FirstOrDefaultAsync(r => r.Id == id, ct)
        ?? throw AppError.NotFound($"量规 {id} 不存在 (no rubric with this id)");

    public Task<List<Review>> RoundReviewsAsync(ReviewCase reviewCase, CancellationToken ct) =>
        db.Set<Review>().Where(r => r.ResourceId == reviewCase.ResourceId && r.Round == reviewCase.Round).ToListAsync(ct);

    public Task<RecommendationQuota?> QuotaAsync(string level, string regionCode, string subject, int year, CancellationToken ct) =>
        db.Set<RecommendationQuota>().FirstOrDefaultAsync(
            q => q.Level == level && q.RegionCode == regionCode && q.Subject == subject && q.Year == year, ct);

    public Task<Rating?> RatingAsync(Guid resourceId, string userId, CancellationToken ct) =>
        db.Set<Rating>().FirstOrDefaultAsync(r => r.ResourceId == resourceId && r.UserId == userId, ct);

    /// <summary>
    /// Saves the step as one transaction. The resource row is always updated with its Version as the
    /// concurrency token, so of two steps decided on the same version exactly one lands; the other is a 412.
    /// </summary>
    public async Task SaveAsync(CurationItem item, CancellationToken ct)
    {
        var loaded = LoadedVersion(item.Resource);
        Stage(item);
        // A revision's file went live: its media job commits with the step. The previous original is swept
        // after a grace period (BlobCleanup), since a download or the cancelled job may still be reading it.
        if (item.PublishedFile is not null)
            await media.StartMediaAsync(item.Resource.Id, ct);
        try
        {
            await SaveOrConflictAsync(ct);
        }
        catch (AppError e) when (e.Kind == AppErrorKind.Conflict)
        {
            // The winner of a race also created a row this step creates (e.g. the stats row on publish),
            // so the loser trips a unique key before its version check: it is the same lost race.
            await ThrowIfChangedAsync(item.Resource.Id, loaded, ct);
            throw;
        }
    }

    public long LoadedVersion(Resource resource) => db.Entry(resource).Property(r => r.Version).OriginalValue;

    /// <summary>
    /// A step that read part of its facts before a concurrent step committed and part after can see a
    /// conflict that is really a lost race; when the item's version moved since loading, say so with a 412.
    /// </summary>
    public async Task ThrowIfChangedAsync(Guid id, long loaded, CancellationToken ct)
    {
        var current = await db.Resources.AsNoTracking().Where(r => r.Id == id).Select(r => r.Version).FirstOrDefaultAsync(ct);
        if (current != loaded)
            throw LostRace();
    }

    private static AppError LostRace() =>
        new(AppErrorKind.PreconditionFailed, "资源已被他人处理，请刷新后重试 (someone else acted on this item first; reload and retry)", "If-Match");

    /// <summary>Hands the step's new and removed rows to the context; the resource is always written.</summary>
    public void Stage(CurationItem item)
    {
        foreach (var row in item.Added)
            db.Add(row);
        if (item.RemovedRevision is { } revision)
            db.Remove(revision);
        db.Entry(item.Resource).Property(r => r.UpdatedAt).IsModified = true;
    }

    public async Task SaveOrConflictAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw LostRace();
        }
        catch (DbUpdateException)
        {
            // A unique index (one review per expert and round, one rating per teacher) caught a double submit.
            throw new AppError(AppErrorKind.Conflict, "重复提交 (this was already recorded)");
        }
    }
}
