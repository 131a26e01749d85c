using Microsoft.EntityFrameworkCore;
using ResourceHub.Application.Curation;
using ResourceHub.Application.Resources;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Contests;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Application.Contests;

/// <summary>Entering a resource (by its owner) and scoring an entry (by an expert, under the contest's rubric).</summary>
public sealed class ContestEntering(ContestStore store, CurationStore curation, ResourceReader resources, ResourceHubDbContext db)
{
    public async Task<ContestEntry> EnterAsync(Caller caller, Guid id, Guid resourceId, CancellationToken ct)
    {
        var contest = await store.ContestAsync(id, ct);
        var resource = await resources.FindVisibleAsync(caller, resourceId, ct);
        var actor = await curation.ActorAsync(caller, ct);
        var target = new CurationTarget(resource, await curation.RegionOfAsync(resource.OwnerOrg, ct));
        ContestPolicy.AuthorizeEnter(actor, contest, target);
        ContestPolicy.RequirePhase(contest, ContestPhases.Collecting, "报名");
        if (resource.Status is ResourceStatus.Retired)
            throw CurationError.Conflict("已下架的资源不能参评 (a retired item cannot be entered)");
        if (contest.Kinds.Count > 0 && !contest.Kinds.Contains(resource.Kind))
            throw CurationError.Invalid($"本活动不征集“{resource.Kind}”类资源 (this contest does not accept this kind)", "resourceId");
        if (contest.Subjects.Count > 0 && !contest.Subjects.Contains(resource.Subject))
            throw CurationError.Invalid($"本活动不征集“{resource.Subject}”学科的资源 (this contest does not accept this subject)", "resourceId");
        if (contest.Stages.Count > 0 && !contest.Stages.Contains(resource.Stage))
            throw CurationError.Invalid($"本活动不征集“{resource.Stage}”学段的资源 (this contest does not accept this stage)", "resourceId");
        if (contest.TrainingProject is { } project && resource.TrainingProject != project)
            throw CurationError.Invalid($"本活动只征集培训项目“{project}”的生成性资源 (only resources of this training project)", "resourceId");
        if (await store.Entries.AnyAsync(e => e.ContestId == id && e.ResourceId == resourceId, ct))
            throw CurationError.Conflict("该资源已报名本活动 (this resource is already entered)");
        var now = DateTime.UtcNow;
        var entry = new ContestEntry
        {
            Id = Guid.NewGuid(), ContestId = id, ResourceId = resourceId, EntrantId = caller.UserId, EntrantOrg = resource.OwnerOrg,
            EnteredAt = now,
        };
        db.Add(entry);
        store.Record(contest, actor, ContestActions.Enter, entry.Id, null, now);
        await store.SaveAsync(ct);
        return entry;
    }

    /// <summary>
    /// The caller's resources this contest would accept (kind, subject, stage, training project, not retired, not yet
    /// entered, the owner rule and the region), for an entry form; <see cref="EnterAsync"/> checks everything again.
    /// </summary>
    public async Task<List<Resource>> CandidatesAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var contest = await store.Contests.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct)
                      ?? throw AppError.NotFound($"评选活动 {id} 不存在 (no contest with this id)");
        var actor = await curation.ActorAsync(caller, ct);
        var (me, org) = (caller.UserId, caller.OrgCode);
        var query = db.Resources.AsNoTracking()
            .Where(r => r.Status != ResourceStatus.Retired && (r.CreatedBy == me || r.OwnerOrg == org))
            .Where(r => !db.Set<ContestEntry>().Any(e => e.ContestId == id && e.ResourceId == r.Id));
        if (contest.Kinds.Count > 0)
            query = query.Where(r => contest.Kinds.Contains(r.Kind));
        if (contest.Subjects.Count > 0)
            query = query.Where(r => contest.Subjects.Contains(r.Subject));
        if (contest.Stages.Count > 0)
            query = query.Where(r => contest.Stages.Contains(r.Stage));
        if (contest.TrainingProject is { } project)
            query = query.Where(r => r.TrainingProject == project);
        var found = await query.OrderByDescending(r => r.UpdatedAt).Take(MaxCandidates).ToListAsync(ct);
        var regions = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var owner in found.Select(r => r.OwnerOrg).Distinct())
            regions[owner] = await curation.RegionOfAsync(owner, ct);
        return found.Where(r => ContestPolicy.EnterDenial(actor, contest, new CurationTarget(r, regions[r.OwnerOrg])) is null).ToList();
    }

    public const int MaxCandidates = 200;

    /// <summary>An expert's rubric scores for an eligible entry, once; the review rules apply (subject, conflict of interest).</summary>
    public async Task<ContestScore> ScoreAsync(Caller caller, Guid id, Guid entryId, IReadOnlyList<CriterionScore> scores, string? comment,
        CancellationToken ct)
    {
        var contest = await store.ContestAsync(id, ct);
        var entry = await store.EntryAsync(contest, entryId, ct);
        var resource = await db.Resources.AsNoTracking().FirstAsync(r => r.Id == entry.ResourceId, ct);
        var actor = await curation.ActorAsync(caller, ct);
        ContestPolicy.AuthorizeScore(actor, new CurationTarget(resource, await curation.RegionOfAsync(resource.OwnerOrg, ct)));
        ContestPolicy.RequirePhase(contest, ContestPhases.Judging, "专家评审");
        if (entry.Status != EntryStatus.Eligible)
            throw CurationError.Conflict("只有通过初审的作品参加评审 (only eligible entries are scored)");
        if (comment is { Length: > CurationWorkflow.MaxReasonLength })
            throw CurationError.Invalid($"评语最多 {CurationWorkflow.MaxReasonLength} 个字符 (comment is too long)", "comment");
        var rubric = await curation.RubricAsync(contest.RubricId, ct);
        var total = rubric.Score(scores);
        if (await db.Set<ContestScore>().AnyAsync(s => s.EntryId == entryId && s.ExpertId == caller.UserId, ct))
            throw CurationError.Conflict("您已评审过该作品 (you already scored this entry)");
        var score = new ContestScore
        {
            Id = Guid.NewGuid(), ContestId = id, EntryId = entryId, ExpertId = caller.UserId, ExpertOrg = caller.OrgCode,
            Scores = scores.Select(s => s.ToString()).ToList(), Total = total, MaxTotal = rubric.MaxTotal, Comment = comment,
            At = DateTime.UtcNow,
        };
        db.Add(score);
        await store.SaveAsync(ct);
        return score;
    }
}
