using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ResourceHub.Application.Identity;
using ResourceHub.Application.Resources;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Contests;
using ResourceHub.Domain.Courses;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Duplicates;
using ResourceHub.Domain.Intake;
using ResourceHub.Domain.Packages;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Application.Duplicates;

/// <summary>
/// An admin merges a duplicate into the resource kept (合并重复资源). The duplicate stays as a retired row with its own
/// curation history, reviews, revisions and renditions (its id redirects to the kept one); what teachers did with it
/// moves to the kept one: usage events and downloads, ratings, basket, package, course and contest places, vendor
/// external ids — except where the kept one already has that place (that user's rating, that contest's entry stay with
/// the duplicate; a second basket, package or course slot goes). Both items' History records the merge.
/// One transaction; both rows' versions are checked, so concurrent merges of either item end in one 409.
/// </summary>
public sealed class ResourceMerging(ResourceHubDbContext db, ResourceReader reader, OrganizationDirectory organizations, TimeProvider clock)
{
    public async Task<Resource> MergeAsync(Caller caller, Guid keepId, Guid duplicateId, CancellationToken ct)
    {
        if (!caller.IsAdmin)
            throw AppError.Forbidden("只有管理员可以合并重复资源 (only admins merge duplicates)");
        if (keepId == duplicateId)
            throw AppError.BadRequest("不能把资源合并到它自己 (a resource cannot be merged into itself)", "Duplicate");
        caller = await organizations.ResolveAsync(caller, db, ct); // the admin's region, whichever adapter called
        var keep = await reader.FindVisibleAsync(caller, keepId, ct);
        var duplicate = await reader.Visible(caller).FirstOrDefaultAsync(r => r.Id == duplicateId, ct)
                        ?? throw new AppError(AppErrorKind.NotFound, $"要合并的资源 {duplicateId} 不存在 (the duplicate was not found)", "Duplicate");
        foreach (var r in new[] { keep, duplicate })
            if (!caller.Region.Contains(r.OwnerOrg))
                throw AppError.Forbidden($"《{r.Title}》不在您管辖的区域内，不能合并 (the item is outside your region)");
        if (await db.Set<ResourceMerge>().AsNoTracking().FirstOrDefaultAsync(m => m.MergedId == keepId || m.MergedId == duplicateId, ct) is { } done)
            throw AppError.Conflict($"资源 {done.MergedId} 已合并到 {done.KeptId} (already merged)");

        try
        {
            await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            var now = clock.GetUtcNow().UtcDateTime;
            Record(caller, keep, keep.Status, $"合并了重复资源《{duplicate.Title}》（{duplicateId}） (merged {duplicateId} into this item)", now);
            Record(caller, duplicate, ResourceStatus.Retired, $"已合并到《{keep.Title}》（{keepId}） (merged into {keepId})", now);
            duplicate.Status = ResourceStatus.Retired; // out of search through the outbox, like any retired item
            db.Add(new ResourceMerge { MergedId = duplicateId, KeptId = keepId, MergedBy = caller.UserId, MergedAt = now });
            await db.SaveChangesAsync(ct); // the version checks: a concurrent merge of either item fails here

            await db.Set<DuplicateCandidate>()
                .Where(c => (c.ResourceId == keepId && c.OtherResourceId == duplicateId) || (c.ResourceId == duplicateId && c.OtherResourceId == keepId))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ResolvedAt, now).SetProperty(c => c.ResolvedBy, caller.UserId), ct);
            await db.Set<ResourceMerge>().Where(m => m.KeptId == duplicateId).ExecuteUpdateAsync(s => s.SetProperty(m => m.KeptId, keepId), ct);
            await MoveUsageAsync(keepId, duplicateId, ct);
            await db.Set<DuplicateBand>().Where(b => b.ResourceId == duplicateId).ExecuteDeleteAsync(ct);
            await db.Set<DuplicateSignature>().Where(s => s.ResourceId == duplicateId).ExecuteDeleteAsync(ct);
            await RecountAsync(keep, duplicate, now, ct);
            await db.SaveChangesAsync(ct);
            if (tx is not null)
                await tx.CommitAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateException or DbException)
        {
            db.ChangeTracker.Clear();
            throw AppError.Conflict("另一项合并或修改同时进行，请刷新后重试 (a concurrent change won; reload and retry)");
        }
        return keep;
    }

    /// <summary>The item a merged id now stands for, or null when it was not merged.</summary>
    public async Task<Guid?> KeptIdAsync(Guid id, CancellationToken ct) =>
        await db.Set<ResourceMerge>().AsNoTracking().Where(m => m.MergedId == id).Select(m => (Guid?)m.KeptId).FirstOrDefaultAsync(ct);

    private void Record(Caller caller, Resource item, string to, string reason, DateTime now)
    {
        item.UpdatedAt = now; // the kept row changes too, so its Version is checked and moves
        db.Add(new CurationEvent
        {
            ResourceId = item.Id, Action = CurationActions.Merge, FromStatus = item.Status, ToStatus = to, Reason = reason,
            ActorId = caller.UserId, ActorRole = caller.Role, ActorOrg = caller.OrgCode, At = now,
        });
    }

    /// <summary>Re-points what teachers did with the duplicate, where the kept item has no such place yet.</summary>
    private async Task MoveUsageAsync(Guid keep, Guid duplicate, CancellationToken ct)
    {
        await db.Set<UsageEvent>().Where(e => e.ResourceId == duplicate).ExecuteUpdateAsync(s => s.SetProperty(e => e.ResourceId, keep), ct);
        await db.Set<ExternalResourceId>().Where(e => e.ResourceId == duplicate).ExecuteUpdateAsync(s => s.SetProperty(e => e.ResourceId, keep), ct);

        var ratings = db.Set<Rating>();
        await ratings.Where(r => r.ResourceId == duplicate && !ratings.Any(k => k.ResourceId == keep && k.UserId == r.UserId))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ResourceId, keep), ct);
        var entries = db.Set<ContestEntry>();
        await entries.Where(e => e.ResourceId == duplicate && !entries.Any(k => k.ResourceId == keep && k.ContestId == e.ContestId))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ResourceId, keep), ct);

        var baskets = db.Set<BasketItem>();
        await baskets.Where(b => b.ResourceId == duplicate && !baskets.Any(k => k.ResourceId == keep && k.UserId == b.UserId))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.ResourceId, keep), ct);
        await baskets.Where(b => b.ResourceId == duplicate).ExecuteDeleteAsync(ct);
        var packages = db.Set<PackageItem>();
        await packages.Where(p => p.ResourceId == duplicate && !packages.Any(k => k.ResourceId == keep && k.SectionId == p.SectionId))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ResourceId, keep), ct);
        await packages.Where(p => p.ResourceId == duplicate).ExecuteDeleteAsync(ct);
        var courses = db.Set<CourseItem>();
        await courses.Where(c => c.ResourceId == duplicate && !courses.Any(k => k.ResourceId == keep && k.CourseId == c.CourseId))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ResourceId, keep), ct);
        await courses.Where(c => c.ResourceId == duplicate).ExecuteDeleteAsync(ct);
    }

    /// <summary>Each item's counters from its rows again: the duplicate's downloads go to the kept item, ratings where they now are.</summary>
    private async Task RecountAsync(Resource keep, Resource duplicate, DateTime now, CancellationToken ct)
    {
        var stats = await db.Set<ResourceStats>().Where(s => s.ResourceId == keep.Id || s.ResourceId == duplicate.Id).ToListAsync(ct);
        ResourceStats Of(Resource r)
        {
            if (stats.FirstOrDefault(s => s.ResourceId == r.Id) is { } found)
                return found;
            var added = new ResourceStats { ResourceId = r.Id, UpdatedAt = now };
            db.Add(added);
            stats.Add(added);
            return added;
        }
        var (kept, merged) = (Of(keep), Of(duplicate));
        kept.Downloads += merged.Downloads;
        merged.Downloads = 0;
        foreach (var (item, s) in new[] { (keep, kept), (duplicate, merged) })
        {
            var id = item.Id;
            var rated = db.Set<Rating>().Where(r => r.ResourceId == id);
            (s.RatingCount, s.RatingSum) = (await rated.CountAsync(ct), await rated.SumAsync(r => r.Stars, ct));
            item.QualityScore = s.Recompute(item.RecommendationLevel, now);
        }
    }
}
