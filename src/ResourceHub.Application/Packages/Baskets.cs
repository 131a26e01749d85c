using Microsoft.EntityFrameworkCore;
using ResourceHub.Application.Resources;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Packages;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Application.Packages;

/// <summary>A basket line as shown: the resource (masked as on every read) and when it was added.</summary>
public sealed record BasketLine(Resource Resource, DateTime AddedAt);

/// <summary>
/// Every signed-in user's 备课篮: add and remove resources they can see; the list shows only what they still
/// see (an item retired or hidden meanwhile drops out of the list and the download, its row stays).
/// </summary>
public sealed class Baskets(ResourceHubDbContext db, ResourceReader reader)
{
    public const int MaxItems = 500;

    public async Task<IReadOnlyList<BasketLine>> ListAsync(Caller caller, CancellationToken ct)
    {
        var rows = await Lines(caller).OrderBy(b => b.AddedAt).ToListAsync(ct);
        var ids = rows.Select(r => r.ResourceId).ToList();
        var resources = await reader.Visible(caller).AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        var shown = (await reader.MaskAsync(caller, resources, ct)).ToDictionary(r => r.Id);
        return rows.Where(r => shown.ContainsKey(r.ResourceId)).Select(r => new BasketLine(shown[r.ResourceId], r.AddedAt)).ToList();
    }

    /// <summary>The basket rows whose resource the caller may still see (the OData set reads these).</summary>
    public IQueryable<BasketItem> Lines(Caller caller)
    {
        var visible = reader.Visible(caller);
        return db.Set<BasketItem>().Where(b => b.UserId == caller.UserId && visible.Any(r => r.Id == b.ResourceId));
    }

    public Task<int> CountAsync(Caller caller, CancellationToken ct) => Lines(caller).CountAsync(ct);

    /// <summary>Which of these resources are in the caller's basket (the add/remove buttons on a list of cards).</summary>
    public async Task<HashSet<Guid>> InBasketAsync(Caller caller, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        (await db.Set<BasketItem>().Where(b => b.UserId == caller.UserId && ids.Contains(b.ResourceId)).Select(b => b.ResourceId).ToListAsync(ct))
        .ToHashSet();

    /// <summary>Adding what is already there is not an error (a double click).</summary>
    public async Task<BasketItem> AddAsync(Caller caller, Guid resourceId, CancellationToken ct)
    {
        await reader.FindVisibleAsync(caller, resourceId, ct);
        var existing = await db.Set<BasketItem>().FirstOrDefaultAsync(b => b.UserId == caller.UserId && b.ResourceId == resourceId, ct);
        if (existing is not null)
            return existing;
        if (await db.Set<BasketItem>().CountAsync(b => b.UserId == caller.UserId, ct) >= MaxItems)
            throw new AppError(AppErrorKind.Conflict, $"备课篮最多 {MaxItems} 个资源 (a basket holds at most {MaxItems} resources)");
        var item = new BasketItem { UserId = caller.UserId, ResourceId = resourceId, AddedAt = DateTime.UtcNow };
        db.Add(item);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same add arrived twice at once: the other one stored it.
            db.Entry(item).State = EntityState.Detached;
        }
        return item;
    }

    public async Task RemoveAsync(Caller caller, Guid resourceId, CancellationToken ct)
    {
        if (await db.Set<BasketItem>().Where(b => b.UserId == caller.UserId && b.ResourceId == resourceId).ExecuteDeleteAsync(ct) == 0)
            throw AppError.NotFound($"备课篮里没有资源 {resourceId} (not in your basket)");
    }
}
