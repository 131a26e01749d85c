using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Application.Curation;

/// <summary>
/// What a reviewer is shown of an item: the version under review, and under a blind rubric no uploader
/// (CreatedBy and OwnerOrg blank) wherever an expert reads it — the queue or Resources itself.
/// </summary>
public sealed class ReviewerView(ResourceHubDbContext db)
{
    public const string Hidden = "";

    public static Resource Of(Resource live, ResourceRevision? revision, bool blind)
    {
        var view = ResourceRevision.Preview(live, revision);
        if (revision is not null)
            view.Status = revision.Status;
        if (blind)
        {
            view.CreatedBy = Hidden;
            view.OwnerOrg = Hidden;
        }
        return view;
    }

    /// <summary>The items as this caller may see them: masked copies for an expert where a blind round is open.</summary>
    public async Task<List<Resource>> MaskAsync(Caller caller, List<Resource> items, CancellationToken ct)
    {
        if (!caller.Is(Roles.Expert))
            return items;
        var underReview = items.Where(r => VisibilityScope.UnderReview.Contains(r.Status) && r.CreatedBy != caller.UserId)
            .Select(r => r.Id).ToList();
        if (underReview.Count == 0)
            return items;
        var blind = await db.Set<ReviewCase>().Where(c => underReview.Contains(c.ResourceId) && c.Blind)
            .Select(c => c.ResourceId).ToListAsync(ct);
        return items.Select(r => blind.Contains(r.Id) ? Of(r, null, blind: true) : r).ToList();
    }
}
