using Microsoft.EntityFrameworkCore;
using ResourceHub.Application.Resources;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Packages;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Application.Curation;

/// <summary>An item awaiting review: the live row, its pending revision (what is judged, when there is one) and whether the round is blind.</summary>
public sealed record QueuedItem(Resource Live, ResourceRevision? Revision, bool Blind)
{
    /// <summary>What the expert is shown: the version under review, without its uploader when blind.</summary>
    public Resource View => ReviewerView.Of(Live, Revision, Blind);
}

/// <summary>One item on an expert's desk: what is judged, and its round as the expert may know it.</summary>
public sealed record ReviewSheet(QueuedItem Item, ReviewRound Round);

/// <summary>A review round as one expert may know it: the rubric, their own review, the others' once decided, and why they cannot review (if so).</summary>
public sealed record ReviewRound(Rubric Rubric, int Number, Review? Mine, IReadOnlyList<Review> Others, bool Open, string? CannotReview);

/// <summary>
/// The expert's side of curation (评审工作台): the queue, one item with its rubric, and the review itself.
/// Every adapter (OData, web) calls these, so who may see and judge what is decided here and in the domain once.
/// </summary>
public sealed class ReviewDesk(ResourceHubDbContext db, ResourceReader resources, CurationStore store, CurationRunner runner,
    Packages.PackageAuthoring packages)
{
    public const int QueueSize = 100;

    /// <summary>Items awaiting this expert: their subjects, open rounds they have not reviewed, no conflict of interest.</summary>
    public async Task<List<QueuedItem>> QueueAsync(Caller caller, CancellationToken ct)
    {
        CurationPolicy.AuthorizeReviewQueue(caller);
        var subjects = caller.Subjects.ToList();
        var open = VisibilityScope.UnderReview.ToList();
        var me = caller.UserId;
        var rows = await (
                from r in db.Resources.AsNoTracking()
                join c in RoundsAwaiting(me) on r.Id equals c.ResourceId
                join v in db.Set<ResourceRevision>() on r.Id equals v.ResourceId into revisions
                from v in revisions.DefaultIfEmpty()
                where subjects.Contains(r.Subject) && r.CreatedBy != me && r.OwnerOrg != caller.OrgCode
                      && (v == null ? open.Contains(r.Status) : open.Contains(v.Status))
                orderby c.OpenedAt
                select new { Resource = r, Revision = v, c.Blind })
            .Take(QueueSize)
            .ToListAsync(ct);
        return rows.Select(x => new QueuedItem(x.Resource, x.Revision, x.Blind)).ToList();
    }

    /// <summary>Packages (资源包) awaiting this expert, by the same rules as <see cref="QueueAsync"/>.</summary>
    public async Task<List<Package>> PackageQueueAsync(Caller caller, CancellationToken ct)
    {
        CurationPolicy.AuthorizeReviewQueue(caller);
        var subjects = caller.Subjects.ToList();
        var open = VisibilityScope.UnderReview.ToList();
        var me = caller.UserId;
        return await (
                from p in db.Set<Package>().AsNoTracking()
                join c in RoundsAwaiting(me) on p.Id equals c.ResourceId
                where subjects.Contains(p.Subject) && p.CreatedBy != me && p.OwnerOrg != caller.OrgCode && open.Contains(p.Status)
                orderby c.OpenedAt
                select p)
            .Take(QueueSize)
            .ToListAsync(ct);
    }

    /// <summary>Review rounds this expert has not reviewed that still need reviews (of a resource or a package).</summary>
    private IQueryable<ReviewCase> RoundsAwaiting(string me) =>
        db.Set<ReviewCase>().Where(c =>
            !db.Set<Review>().Any(x => x.ResourceId == c.ResourceId && x.Round == c.Round && x.ReviewerId == me)
            && db.Set<Review>().Count(x => x.ResourceId == c.ResourceId && x.Round == c.Round) < c.ReviewsNeeded);

    /// <summary>
    /// The review form's facts for one item. Only an expert of the subject without a conflict of interest opens it;
    /// of the round they see only their own review, never the others' (each review stays independent).
    /// </summary>
    public async Task<ReviewSheet> OpenAsync(Caller caller, Guid id, CancellationToken ct)
    {
        CurationPolicy.AuthorizeReviewQueue(caller);
        var live = await resources.FindVisibleAsync(caller, id, ct);
        var (item, round) = await RoundAsync(caller, live, ct);
        return new ReviewSheet(new QueuedItem(live, item.Revision, round.Open && item.Case!.Blind), round);
    }

    /// <summary>The same for a package (资源包): the package and its round.</summary>
    public async Task<(Package Package, ReviewRound Round)> OpenPackageAsync(Caller caller, Guid id, CancellationToken ct)
    {
        CurationPolicy.AuthorizeReviewQueue(caller);
        var package = await packages.FindReadableAsync(caller, id, ct);
        return (package, (await RoundAsync(caller, package, ct)).Round);
    }

    private async Task<(CurationItem Item, ReviewRound Round)> RoundAsync(Caller caller, ICurated curated, CancellationToken ct)
    {
        var item = await store.LoadAsync(curated, ct);
        if (CurationPolicy.Denial(CurationVerb.Review, await store.ActorAsync(caller, ct), item.Target) is { } denial)
            throw CurationError.Forbidden(denial);
        if (item.Case is null)
            throw CurationError.Conflict($"“{Lifecycle.NameOf(item.ReviewStatus)}”状态的资源不在评审中 (the item is not awaiting review)");
        var rubric = await store.RubricAsync(item.Case.RubricId, ct);
        var round = await store.RoundReviewsAsync(item.Case, ct);
        var mine = round.FirstOrDefault(r => r.ReviewerId == caller.UserId);
        var open = VisibilityScope.UnderReview.Contains(item.ReviewStatus);
        string? cannot = !open ? "本轮评审已结束 (this round is decided)"
            : mine is not null ? "您已评审过本轮 (you already reviewed this round)"
            : round.Count >= item.Case.ReviewsNeeded ? "本轮评审人数已满 (this round has all its reviews)"
            : null;
        // Others' reviews only once the round is decided, so each expert judges on their own.
        var others = open ? [] : round.Where(r => r.ReviewerId != caller.UserId).ToList();
        return (item, new ReviewRound(rubric, item.Case.Round, mine, others, open, cannot));
    }

    /// <summary>Records the caller's review; the rubric bounds each criterion and the server computes the total.</summary>
    public Task<Resource> ReviewAsync(Caller caller, Guid id, ReviewInput input, Action<Resource>? checkVersion, CancellationToken ct)
    {
        input.Validate();
        return runner.ActAsync(caller, id, checkVersion, s => s.ReviewAsync(input.Scores, input.Verdict!, input.Comment), ct);
    }
}

/// <summary>An expert's review as entered: points per criterion, a verdict (pass / revise / reject) and a comment.</summary>
public sealed record ReviewInput(IReadOnlyList<CriterionScore> Scores, string? Verdict, string? Comment)
{
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Verdict))
            throw CurationError.Invalid("请选择评审结论 (verdict is required)", "verdict");
    }
}
