using Microsoft.EntityFrameworkCore;
using ResourceHub.Api.Resources;
using ResourceHub.Application.Curation;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;

namespace ResourceHub.Api.Curation;

/// <summary>What of curation a caller may read: records of resources they can see (one rule for sets and navigations).</summary>
public sealed class CurationQueries(ResourceHubDbContext db, ResourceHandler resources, ReviewerView reviewerView)
{
    /// <summary>Experts see only their own reviews, so each review stays independent of the others.</summary>
    public IQueryable<Review> Reviews(Caller caller)
    {
        var visible = resources.Visible(caller).Select(r => r.Id);
        return OwnReviews(caller, db.Set<Review>().AsNoTracking().Where(x => visible.Contains(x.ResourceId)));
    }

    /// <summary>The reviews an expert may read among these: their own (anyone else reads them all).</summary>
    public IQueryable<Review> OwnReviews(Caller caller, IQueryable<Review> reviews) =>
        caller.Is(Roles.Expert) ? reviews.Where(x => x.ReviewerId == caller.UserId) : reviews;

    public IQueryable<CurationEvent> History(Caller caller)
    {
        var visible = resources.Visible(caller).Select(r => r.Id);
        return db.Set<CurationEvent>().AsNoTracking().Where(x => visible.Contains(x.ResourceId));
    }

    /// <summary>History rows as the caller may read them: an expert learns nothing of an open round from others' steps.</summary>
    public Task<List<CurationEvent>> ShownHistoryAsync(Caller caller, List<CurationEvent> events, CancellationToken ct) =>
        reviewerView.HistoryAsync(caller, events, ct);

    public IQueryable<Nomination> Nominations(Caller caller)
    {
        var visible = resources.Visible(caller).Select(r => r.Id);
        return db.Set<Nomination>().AsNoTracking().Where(x => visible.Contains(x.ResourceId));
    }
}
