using ResourceHub.Domain.Access;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Domain.Curation;

/// <summary>
/// The curation steps, in domain terms: each checks the actor (<see cref="CurationPolicy"/>), moves the
/// item through the <see cref="Lifecycle"/>, and records a History event. Storage loads the
/// <see cref="CurationItem"/> before and saves what changed after, as one unit.
/// </summary>
public sealed class CurationWorkflow(Actor actor, DateTime now)
{
    public const int MaxReasonLength = 1000;

    public void Submit(CurationItem item, Rubric rubric)
    {
        CurationPolicy.Authorize(CurationVerb.Submit, actor, item.Target);
        if (actor.Caller.Is(Roles.Teacher) && item.Curated is Resource { TrainingProject: var project } && string.IsNullOrWhiteSpace(project))
            throw CurationError.Invalid("教师提交的生成性资源须注明所属培训项目 (TrainingProject is required for teachers' contributions)",
                "TrainingProject");
        Move(item, CurationAction.Submit, null);
        item.EnsureCase().Open(rubric, now);
    }

    /// <summary>Records one expert's review of the open round and decides the round once it is complete.</summary>
    public Review Review(CurationItem item, Rubric rubric, IReadOnlyList<Review> roundReviews,
        IReadOnlyList<CriterionScore> scores, string verdict, string? comment)
    {
        CurationPolicy.Authorize(CurationVerb.Review, actor, item.Target);
        Verdicts.CheckKnown(verdict);
        CheckLength(comment, "comment");
        if (item.ReviewStatus is not (ResourceStatus.Submitted or ResourceStatus.InReview) || item.Case is null)
            throw CurationError.Conflict($"“{Lifecycle.NameOf(item.ReviewStatus)}”状态的资源不在评审中 (the item is not awaiting review)");
        var reviewCase = item.Case;
        if (roundReviews.Any(r => r.ReviewerId == actor.Caller.UserId))
            throw CurationError.Conflict("您已评审过本轮 (you already reviewed this round)");
        if (roundReviews.Count >= reviewCase.ReviewsNeeded)
            throw CurationError.Conflict("本轮评审人数已满 (this round has all its reviews)");
        var total = rubric.Score(scores);
        if (item.ReviewStatus == ResourceStatus.Submitted)
            Move(item, CurationAction.StartReview, null);
        var review = new Review
        {
            Id = Guid.NewGuid(), ResourceId = item.Curated.Id, Round = reviewCase.Round, RubricId = rubric.Id,
            ReviewerId = actor.Caller.UserId, ReviewerOrg = actor.Caller.OrgCode,
            Scores = scores.Select(s => s.ToString()).ToList(), Total = total, MaxTotal = rubric.MaxTotal,
            Comment = comment, Verdict = verdict, CreatedAt = now,
        };
        item.Add(review);
        Record(item, CurationActions.Review, item.ReviewStatus, item.ReviewStatus, $"{verdict} {total:0.##}/{rubric.MaxTotal:0.##}");
        Decide(item, rubric, [.. roundReviews, review]);
        return review;
    }

    private void Decide(CurationItem item, Rubric rubric, IReadOnlyList<Review> reviews)
    {
        var outcome = ReviewPolicy.Decide(rubric.Rules, reviews.Select(r => (r.Total, r.Verdict)).ToList());
        var reviewCase = item.Case!;
        if (outcome == ReviewOutcome.NeedsAnotherReviewer)
        {
            reviewCase.ReviewsNeeded = ReviewPolicy.ReviewsNeeded(rubric.Rules, outcome);
            Record(item, CurationActions.ThirdReviewer, item.ReviewStatus, item.ReviewStatus,
                "评审意见分歧，需增加一位专家 (reviews diverge: one more expert decides)");
            return;
        }
        if (ReviewPolicy.ActionFor(outcome) is not { } action)
            return;
        var mean = reviews.Average(r => r.Total);
        Move(item, action, $"均分 {mean:0.##}/{rubric.MaxTotal:0.##}，通过线 {rubric.PassMean:0.##} (mean, pass mark)");
        if (action == CurationAction.Publish)
        {
            var stats = item.EnsureStats();
            stats.ExpertMean = rubric.MaxTotal > 0 ? mean / rubric.MaxTotal : null;
            item.Curated.QualityScore = stats.Recompute(item.Curated.RecommendationLevel, now);
        }
    }

    public Nomination Nominate(CurationItem item, string level, string reason)
    {
        RecommendationLevels.CheckKnown(level);
        CurationPolicy.Authorize(CurationVerb.Nominate, actor, item.Target);
        return Put(item, level, reason);
    }

    /// <summary>
    /// A contest's winner put forward by the contest's organising admin: the same 推优 as a host's, for an item
    /// inside that admin's region (the contest use case checks the admin organises the contest).
    /// </summary>
    public Nomination NominateWinner(CurationItem item, string level, string reason)
    {
        RecommendationLevels.CheckKnown(level);
        if (actor.AdminTier is null || !item.Target.IsWithin(actor.Org!.Code))
            throw CurationError.Forbidden("获奖作品不在您管辖的区域内 (the winning item is outside your region)");
        return Put(item, level, reason);
    }

    private Nomination Put(CurationItem item, string level, string reason)
    {
        RequireReason(reason);
        RequireLive(item);
        RequireNextLevel(item, level);
        var nomination = new Nomination
        {
            Id = Guid.NewGuid(), ResourceId = item.Curated.Id, Level = level, Reason = reason.Trim(),
            NominatedBy = actor.Caller.UserId, NominatorOrg = actor.Caller.OrgCode, At = now,
        };
        item.Add(nomination);
        Record(item, CurationActions.Nominate, item.Curated.Status, item.Curated.Status, nomination.Reason, level);
        return nomination;
    }

    /// <summary>Grants the next level; <paramref name="quota"/> is the region's quota row for it, if one is set.</summary>
    public void Recommend(CurationItem item, string level, string? reason, RecommendationQuota? quota)
    {
        RecommendationLevels.CheckKnown(level);
        CurationPolicy.Authorize(CurationVerb.Recommend, actor, item.Target, level);
        CheckLength(reason, "reason");
        RequireLive(item);
        RequireNextLevel(item, level);
        quota?.Use();
        Move(item, CurationAction.Recommend, reason, level);
        item.Curated.RecommendationLevel = level;
        item.Curated.QualityScore = item.EnsureStats().Recompute(level, now);
    }

    public void Retire(CurationItem item, string reason)
    {
        CurationPolicy.Authorize(CurationVerb.Retire, actor, item.Target);
        RequireReason(reason);
        Move(item, CurationAction.Retire, reason.Trim());
        if (item.Revision is not null)
            item.DropRevision(); // nothing left to revise: the item is out of circulation (its staged file is swept, see BlobCleanup)
    }

    /// <summary>Moves the item to another organisation; History records from where, to where and why.</summary>
    public void Transfer(CurationItem item, string toOrg, string reason)
    {
        CurationPolicy.Authorize(CurationVerb.Transfer, actor, item.Target);
        RequireReason(reason);
        var from = item.Curated.OwnerOrg;
        if (toOrg == from)
            throw CurationError.Invalid($"资源已属于机构 {toOrg} (the item already belongs to this organisation)", "ownerOrg");
        item.Curated.OwnerOrg = toOrg;
        var status = item.Curated.Status;
        Record(item, CurationActions.Transfer, status, status, $"{from} → {toOrg}：{reason.Trim()}");
    }

    /// <summary>Adds or changes the caller's stars; returns the new row, or null when <paramref name="existing"/> was updated.</summary>
    public Rating? Rate(CurationItem item, Rating? existing, int stars)
    {
        CurationPolicy.Authorize(CurationVerb.Rate, actor, item.Target);
        Rating.CheckStars(stars);
        RequireLive(item);
        var stats = item.EnsureStats();
        stats.ApplyRating(existing?.Stars, stars);
        item.Resource.QualityScore = stats.Recompute(item.Resource.RecommendationLevel, now);
        item.Resource.UpdatedAt = now;
        item.Add(new UsageEvent { ResourceId = item.Resource.Id, Kind = UsageEvent.Rating, Stars = stars, At = now });
        if (existing is not null)
        {
            existing.Stars = stars;
            existing.RatedAt = now;
            return null;
        }
        var rating = new Rating { ResourceId = item.Resource.Id, UserId = actor.Caller.UserId, Stars = stars, RatedAt = now };
        item.Add(rating);
        return rating;
    }

    /// <summary>
    /// Keeps the owner's edit of a live item as its pending revision (the live fields stay as reviewed);
    /// a rejected revision is replaced by a fresh draft. Returns false when nothing core changed.
    /// </summary>
    public bool Revise(CurationItem item, Resource edited)
    {
        if (EditModes.Of(item.Resource, item.Revision) != EditMode.Revision)
            throw EditModes.Locked(item.ReviewStatus);
        if (ResourceRevision.SameAs(edited, (ICoreMetadata?)item.Revision ?? item.Resource))
            return false;
        if (item.Revision is null)
            item.StartRevision(ResourceRevision.Start(edited, actor.Caller.UserId, now));
        else
        {
            if (item.Revision.Status == ResourceStatus.Rejected)
                item.Revision.Status = ResourceStatus.Draft;
            item.Revision.Update(edited, now);
        }
        Record(item, CurationActions.Revise, item.Resource.Status, item.Resource.Status, "修订已发布资源，待审核 (revision of a live item, pending review)");
        return true;
    }

    /// <summary>
    /// Keeps a new file for a live item on its pending revision (started from the live fields when there is
    /// none), so teachers keep the reviewed file until the revision passes. A rejected revision becomes a draft again.
    /// </summary>
    public void ReviseFile(CurationItem item, ResourceFile file)
    {
        if (EditModes.Of(item.Resource, item.Revision) != EditMode.Revision)
            throw EditModes.Locked(item.ReviewStatus);
        if (item.Revision is null)
            item.StartRevision(ResourceRevision.Start(item.Resource, actor.Caller.UserId, now));
        else if (item.Revision.Status == ResourceStatus.Rejected)
            item.Revision.Status = ResourceStatus.Draft;
        item.Revision!.File = file;
        item.Revision.UpdatedAt = now;
        Record(item, CurationActions.Revise, item.Resource.Status, item.Resource.Status,
            "替换已发布资源的文件，待审核 (new file for a live item, pending review)");
    }

    private void Move(CurationItem item, CurationAction action, string? reason, string? level = null)
    {
        var onRevision = item.Revision is not null && action is not (CurationAction.Recommend or CurationAction.Retire);
        var from = onRevision ? item.Revision!.Status : item.Curated.Status;
        var to = Lifecycle.Next(from, action);
        if (!onRevision)
            item.Curated.Status = to;
        else if (to == ResourceStatus.Published)
            item.PublishRevision(); // the reviewed revision becomes the live version
        else
            item.Revision!.Status = to;
        Record(item, CurationActions.Code(action), from, to, reason, level, onRevision);
    }

    private void Record(CurationItem item, string action, string from, string to, string? reason, string? level = null,
        bool? onRevision = null)
    {
        // Every recorded step touches the resource so its Version (the ETag) moves and concurrent steps collide.
        item.Curated.UpdatedAt = now;
        item.Add(new CurationEvent
        {
            ResourceId = item.Curated.Id, Action = action, FromStatus = from, ToStatus = to,
            OnRevision = onRevision ?? item.OnRevision, Level = level, Reason = reason,
            ActorId = actor.Caller.UserId, ActorRole = actor.Caller.Role, ActorOrg = actor.Caller.OrgCode, At = now,
        });
    }

    private static void RequireLive(CurationItem item)
    {
        if (!ResourceStatus.PublicStates.Contains(item.Curated.Status))
            throw CurationError.Conflict(
                $"只有已发布的资源可以推优、推荐或评分，当前为“{Lifecycle.NameOf(item.Curated.Status)}” (the item is not published)");
    }

    private static void RequireNextLevel(CurationItem item, string level)
    {
        var next = RecommendationLevels.Next(item.Curated.RecommendationLevel);
        if (level != next)
            throw CurationError.Conflict(next is null
                ? "已是最高推荐级别 (already at the national level)"
                : $"推荐须逐级进行，下一级为“{RecommendationLevels.NameOf(next)}” (levels go one step at a time; next is {next})");
    }

    private static void RequireReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw CurationError.Invalid("请填写理由 (a reason is required)", "reason");
        CheckLength(reason, "reason");
    }

    private static void CheckLength(string? text, string target)
    {
        if (text is { Length: > MaxReasonLength })
            throw CurationError.Invalid($"内容不能超过 {MaxReasonLength} 个字符 (text is too long)", target);
    }
}
