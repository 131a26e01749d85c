using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;

namespace ResourceHub.Domain.Contests;

/// <summary>
/// Who may do what in a contest. Organising (create, advance, screen, disqualify, award, nominate winners) is
/// for admins of a school or region whose region holds the contest's; entering reuses curation's ownership
/// rule (a teacher their own item, a vendor their organisation's); scoring reuses review's expertise and
/// conflict-of-interest rule; voting is for anyone in the contest's region but not for their own or their
/// organisation's entry.
/// </summary>
public static class ContestPolicy
{
    public static void AuthorizeCreate(Actor actor)
    {
        if (actor.AdminTier is null)
            throw CurationError.Forbidden("只有学校或教育行政机构的管理员可以创建评选活动 (only school or regional admins create contests)");
    }

    /// <param name="contestRegion">The contest's organiser and every region above it.</param>
    public static void AuthorizeOrganise(Actor actor, IReadOnlyList<string> contestRegion)
    {
        if (actor.AdminTier is null)
            throw CurationError.Forbidden("只有评选活动的组织管理员可以执行此操作 (only the contest's organising admins may do this)");
        if (!contestRegion.Contains(actor.Org!.Code))
            throw CurationError.Forbidden("该评选活动不在您管辖的区域内 (the contest is outside your region)");
    }

    /// <param name="entrantRegion">The resource owner's organisation and every region above it.</param>
    public static void AuthorizeEnter(Actor actor, Contest contest, CurationTarget target)
    {
        if (EnterDenial(actor, contest, target) is { } denial)
            throw CurationError.Forbidden(denial);
    }

    /// <summary>Why the actor may not enter this resource, or null when they may.</summary>
    public static string? EnterDenial(Actor actor, Contest contest, CurationTarget target) =>
        CurationPolicy.Denial(CurationVerb.Submit, actor, target) is not null
            ? "只能由作品的作者（教师本人或供应商本机构）报名 (only the owner of a resource enters it)"
            : !target.IsWithin(contest.RegionOrg)
                ? "您的机构不在本活动的征集范围内 (your organisation is outside the contest's region)"
                : null;

    public static void AuthorizeScore(Actor actor, CurationTarget target)
    {
        if (CurationPolicy.Denial(CurationVerb.Review, actor, target) is { } denial)
            throw CurationError.Forbidden(denial);
    }

    /// <param name="voterRegion">The voter's organisation and every region above it.</param>
    /// <param name="inProject">For a contest of a training project: whether the voter took part in it .</param>
    public static void AuthorizeVote(Caller caller, Contest contest, IReadOnlyList<string> voterRegion, ContestEntry entry, bool inProject)
    {
        if (!voterRegion.Contains(contest.RegionOrg))
            throw CurationError.Forbidden("您不在本活动的投票范围内 (you are outside the contest's region)");
        if (contest.TrainingProject is { } project && !inProject)
            throw CurationError.Forbidden($"本活动只限培训项目“{project}”的参训教师投票 (voting is for the training project's participants)");
        if (entry.EntrantId == caller.UserId || entry.EntrantOrg == caller.OrgCode)
            throw CurationError.Forbidden("利益回避：不能为本人或本机构的作品投票 (you cannot vote for your own or your organisation's entry)");
    }

    public static void RequirePhase(Contest contest, string phase, string doing)
    {
        if (contest.Phase != phase)
            throw CurationError.Conflict(
                $"活动当前处于“{ContestPhases.NameOf(contest.Phase)}”阶段，{doing}须在“{ContestPhases.NameOf(phase)}”阶段进行 (not allowed in this phase)");
    }

    public static string RequireReason(string? reason, string field = "reason")
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw CurationError.Invalid("须填写理由 (a reason is required)", field);
        if (reason.Length > CurationWorkflow.MaxReasonLength)
            throw CurationError.Invalid($"理由最多 {CurationWorkflow.MaxReasonLength} 个字符 (reason is too long)", field);
        return reason.Trim();
    }
}
