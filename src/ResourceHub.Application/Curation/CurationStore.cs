using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Packages;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Application.Curation;

/// <summary>
/// Loads what the curation workflow needs about a resource or a package from the database and saves what it changed,
/// atomically. Both keep their History, reviews, round and nominations in the same tables, keyed by their id.
/// </summary>
public sealed class CurationStore(ResourceHubDbContext db, IMediaStarter media, Resources.UploadChecks checks)
{
    /// <summary>Deeper than any real hierarchy (province → city → county → school); stops a ParentCode cycle.</summary>
    private const int MaxRegionDepth = 8;

    public async Task<Actor> ActorAsync(Caller caller, CancellationToken ct) =>
        new(caller, await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == caller.OrgCode, ct));

    /// <summary>规范性检查 of the item as it would be submitted (a resource's pending revision, if any; a package's contents).</summary>
    public Task<IReadOnlyList<Domain.Resources.Checks.CheckResult>> ChecksAsync(CurationItem item, CancellationToken ct) =>
        item.Curated is Package package ? PackageChecksAsync(package, ct) : checks.ForAsync(ResourceRevision.Preview(item.Resource, item.Revision), ct);

    /// <summary>A package's 规范性检查: its kind's rules against the kinds of the resources it holds.</summary>
    public async Task<IReadOnlyList<Domain.Resources.Checks.CheckResult>> PackageChecksAsync(Package package, CancellationToken ct) =>
        Resources.UploadChecks.ForPackage(package.Kind, (await PackageContentsAsync(package.Id, ct)).Select(r => r.Kind).Distinct().ToList());

    /// <summary>
    /// A package goes to review only when it holds resources and every one of them is live (published or recommended):
    /// what the experts approve is then exactly what its eventual readers will download.
    /// </summary>
    public async Task RequireLiveContentsAsync(Package package, CancellationToken ct)
    {
        var contents = await PackageContentsAsync(package.Id, ct);
        if (contents.Count == 0)
            throw CurationError.Conflict("资源包中没有资源，不能提交审核 (an empty package cannot be submitted)");
        var unpublished = contents.Where(r => !ResourceStatus.PublicStates.Contains(r.Status)).Select(r => $"《{r.Title}》").ToList();
        if (unpublished.Count > 0)
            throw CurationError.Conflict(
                $"资源包中的资源须全部发布后才能提交审核，尚未发布：{string.Join("、", unpublished)} (every resource in a package must be published first)");
    }

    private Task<List<PackageContent>> PackageContentsAsync(Guid packageId, CancellationToken ct) =>
        (from i in db.Set<PackageItem>()
         join s in db.Set<PackageSection>() on i.SectionId equals s.Id
         join r in db.Resources on i.ResourceId equals r.Id
         where s.PackageId == packageId
         select new PackageContent(r.Title, r.Kind, r.Status)).ToListAsync(ct);

    private sealed record PackageContent(string Title, string Kind, string Status);

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

    public async Task<CurationItem> LoadAsync(ICurated curated, CancellationToken ct)
    {
        var id = curated.Id;
        var region = await RegionOfAsync(curated.OwnerOrg, ct);
        var revision = curated is Resource
            ? await db.Set<ResourceRevision>().FirstOrDefaultAsync(r => r.ResourceId == id, ct)
            : null;
        var reviewCase = await db.Set<ReviewCase>().FirstOrDefaultAsync(c => c.ResourceId == id, ct);
        var stats = await db.Set<ResourceStats>().FirstOrDefaultAsync(s => s.ResourceId == id, ct);
        return new CurationItem(new CurationTarget(curated, region), revision, reviewCase, stats);
    }

    /// <summary>
    /// Stages the removal of an item's History, reviews, round, nominations and stats, for the use case that deletes the
    /// item (no foreign key cascades them: the id may be a resource's or a package's).
    /// </summary>
    public async Task ForgetAsync(Guid id, CancellationToken ct)
    {
        db.RemoveRange(await db.Set<CurationEvent>().Where(e => e.ResourceId == id).ToListAsync(ct));
        db.RemoveRange(await db.Set<Review>().Where(r => r.ResourceId == id).ToListAsync(ct));
        db.RemoveRange(await db.Set<Nomination>().Where(n => n.ResourceId == id).ToListAsync(ct));
        db.RemoveRange(await db.Set<ReviewCase>().Where(c => c.ResourceId == id).ToListAsync(ct));
        db.RemoveRange(await db.Set<ResourceStats>().Where(s => s.ResourceId == id).ToListAsync(ct));
    }

    /// <summary>
    /// The rubric that judges an item: among rubrics of its own region (nearest first), one listing its kind,
    /// else one for any kind; system rubrics (no owner) come last.
    /// </summary>
    public async Task<Rubric> RubricForAsync(CurationItem item, CancellationToken ct)
    {
        var region = item.Target.Region.ToList();
        var kind = item.Revision?.Kind ?? item.Curated.Kind;
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
        var loaded = LoadedVersion(item.Curated);
        Stage(item);
        // A revision's file went live: its media job commits with the step. The previous original is swept
        // after a grace period (BlobCleanup), since a download or the cancelled job may still be reading it.
        if (item.PublishedFile is not null)
            await media.StartMediaAsync(item.Curated.Id, ct);
        try
        {
            await SaveOrConflictAsync(ct);
        }
        catch (AppError e) when (e.Kind == AppErrorKind.Conflict)
        {
            // The winner of a race also created a row this step creates (e.g. the stats row on publish),
            // so the loser trips a unique key before its version check: it is the same lost race.
            await ThrowIfChangedAsync(item.Curated, loaded, ct);
            throw;
        }
    }

    public long LoadedVersion(ICurated curated) => (long)db.Entry((object)curated).Property(nameof(ICurated.Version)).OriginalValue!;

    /// <summary>
    /// A step that read part of its facts before a concurrent step committed and part after can see a
    /// conflict that is really a lost race; when the item's version moved since loading, say so with a 412.
    /// </summary>
    public async Task ThrowIfChangedAsync(ICurated curated, long loaded, CancellationToken ct)
    {
        var id = curated.Id;
        var current = curated is Package
            ? await db.Set<Package>().AsNoTracking().Where(p => p.Id == id).Select(p => p.Version).FirstOrDefaultAsync(ct)
            : await db.Resources.AsNoTracking().Where(r => r.Id == id).Select(r => r.Version).FirstOrDefaultAsync(ct);
        if (current != loaded)
            throw LostRace();
    }

    private static AppError LostRace() =>
        new(AppErrorKind.PreconditionFailed, "资源已被他人处理，请刷新后重试 (someone else acted on this item first; reload and retry)", "If-Match");

    /// <summary>Hands the step's new and removed rows to the context; the resource or package is always written.</summary>
    public void Stage(CurationItem item)
    {
        foreach (var row in item.Added)
            db.Add(row);
        if (item.RemovedRevision is { } revision)
            db.Remove(revision);
        db.Entry((object)item.Curated).Property(nameof(ICurated.UpdatedAt)).IsModified = true;
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
