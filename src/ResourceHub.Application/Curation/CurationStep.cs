using ResourceHub.Domain.Curation;

namespace ResourceHub.Application.Curation;

/// <summary>One action on one loaded item: fetches what the workflow step needs, then runs it.</summary>
public sealed class CurationStep(CurationStore store, Actor actor, CurationItem item, DateTime now, CancellationToken ct)
{
    private readonly CurationWorkflow _flow = new(actor, now);

    public async Task SubmitAsync()
    {
        // Who may submit is decided before looking for a rubric, so outsiders learn nothing about it.
        CurationPolicy.Authorize(CurationVerb.Submit, actor, item.Target);
        if (item.Curated is Domain.Packages.Package package)
            await store.RequireLiveContentsAsync(package, ct);
        Resources.UploadChecks.RequireSubmittable(await store.ChecksAsync(item, ct));
        _flow.Submit(item, await store.RubricForAsync(item, ct));
    }

    public async Task ReviewAsync(IReadOnlyList<CriterionScore> scores, string verdict, string? comment)
    {
        CurationPolicy.Authorize(CurationVerb.Review, actor, item.Target);
        if (item.Case is null)
            throw CurationError.Conflict($"“{Lifecycle.NameOf(item.ReviewStatus)}”状态的资源不在评审中 (the item is not awaiting review)");
        var rubric = await store.RubricAsync(item.Case.RubricId, ct);
        _flow.Review(item, rubric, await store.RoundReviewsAsync(item.Case, ct), scores, verdict, comment);
    }

    public Task NominateAsync(string level, string reason)
    {
        _flow.Nominate(item, level, reason);
        return Task.CompletedTask;
    }

    public async Task RecommendAsync(string level, string? reason)
    {
        var quota = actor.Org is { } org
            ? await store.QuotaAsync(level, org.Code, item.Curated.Subject, now.Year, ct)
            : null;
        _flow.Recommend(item, level, reason, quota);
    }

    /// <summary>A contest winner put forward by the contest's organiser (see <see cref="Contests.ContestOrganising"/>).</summary>
    public Task NominateWinnerAsync(string level, string reason)
    {
        _flow.NominateWinner(item, level, reason);
        return Task.CompletedTask;
    }

    public Task RetireAsync(string reason)
    {
        _flow.Retire(item, reason);
        return Task.CompletedTask;
    }

    /// <summary>Only to a registered organisation; who may transfer is checked first, so others learn nothing of the target.</summary>
    public async Task TransferAsync(string toOrg, string reason)
    {
        CurationPolicy.Authorize(CurationVerb.Transfer, actor, item.Target);
        if (!await store.OrganizationExistsAsync(toOrg, ct))
            throw CurationError.Invalid($"机构 {toOrg} 不存在 (no organisation with this code)", "ownerOrg");
        _flow.Transfer(item, toOrg, reason);
    }

    public async Task RateAsync(int stars) =>
        _flow.Rate(item, await store.RatingAsync(item.Resource.Id, actor.Caller.UserId, ct), stars);
}
