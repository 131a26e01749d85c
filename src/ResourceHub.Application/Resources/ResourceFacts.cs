using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Organizations;
using ResourceHub.Domain.Renditions;

namespace ResourceHub.Application.Resources;

/// <summary>
/// What a page shows beside resources the caller has already been allowed to see (search hits, a detail
/// page): popularity and score parts, which derived files exist, the caller's own rating, organisation names.
/// </summary>
public sealed class ResourceFacts(ResourceHubDbContext db)
{
    public async Task<Dictionary<Guid, ResourceStats>> StatsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await db.Set<ResourceStats>().AsNoTracking().Where(s => ids.Contains(s.ResourceId)).ToDictionaryAsync(s => s.ResourceId, ct);

    public async Task<ILookup<Guid, Rendition>> RenditionsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        (await db.Renditions.AsNoTracking().Where(r => ids.Contains(r.ResourceId)).ToListAsync(ct)).ToLookup(r => r.ResourceId);

    public async Task<int?> MyStarsAsync(Caller caller, Guid id, CancellationToken ct) =>
        await db.Set<Rating>().AsNoTracking().Where(r => r.ResourceId == id && r.UserId == caller.UserId)
            .Select(r => (int?)r.Stars).FirstOrDefaultAsync(ct);

    public async Task<string?> OrganizationNameAsync(string code, CancellationToken ct) =>
        await db.Set<Organization>().AsNoTracking().Where(o => o.Code == code).Select(o => o.Name).FirstOrDefaultAsync(ct);
}
