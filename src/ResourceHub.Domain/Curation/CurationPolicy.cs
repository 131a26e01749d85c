using ResourceHub.Domain.Access;

namespace ResourceHub.Domain.Curation;

/// <summary>
/// Who may do what to which item: role, organisation and region, subject expertise and conflict of
/// interest. The item's state is the <see cref="Lifecycle"/>'s concern, checked after this.
/// </summary>
public static class CurationPolicy
{
    public static void Authorize(CurationVerb verb, Actor actor, CurationTarget target, string? level = null)
    {
        if (Denial(verb, actor, target, level) is { } message)
            throw CurationError.Forbidden(message);
    }

    /// <summary>Why the actor may not, or null when they may.</summary>
    public static string? Denial(CurationVerb verb, Actor actor, CurationTarget target, string? level = null)
    {
        var caller = actor.Caller;
        var r = target.Curated;
        var own = r.CreatedBy == caller.UserId;
        return verb switch
        {
            CurationVerb.Submit => caller.Role switch
            {
                Roles.Vendor when r.OwnerOrg == caller.OrgCode => null,
                Roles.Teacher when own => null,
                Roles.Vendor or Roles.Teacher => "只能提交本人或本机构的资源 (you may only submit your own or your organisation's items)",
                _ => "只有供应商和教师可以提交资源审核 (only vendors and teachers submit items)",
            },
            CurationVerb.Review when !caller.Is(Roles.Expert) => "只有学科专家可以评审 (only experts review)",
            CurationVerb.Review when !caller.Subjects.Contains(r.Subject) =>
                $"您不是“{r.Subject}”学科的评审专家 (not an expert in this subject)",
            CurationVerb.Review when own || r.OwnerOrg == caller.OrgCode =>
                "利益回避：不能评审本人或本机构的资源 (conflict of interest: own item or own organisation)",
            CurationVerb.Nominate when !caller.Is(Roles.WorkshopHost) => "只有工作坊坊主可以推优 (only workshop hosts nominate)",
            CurationVerb.Nominate when own => "不能推优本人的资源 (you cannot nominate your own item)",
            CurationVerb.Recommend or CurationVerb.Retire when actor.AdminTier is null =>
                "只有学校或教育行政机构的管理员可以推荐或淘汰资源 (only school or regional admins recommend and retire)",
            CurationVerb.Recommend or CurationVerb.Retire when !target.IsWithin(actor.Org!.Code) =>
                "该资源不在您管辖的区域内 (the item is outside your region)",
            CurationVerb.Recommend when own => "不能推荐本人的资源 (you cannot recommend your own item)",
            CurationVerb.Recommend when level is not null && !RecommendationLevels.GrantableBy(actor.AdminTier).Contains(level) =>
                $"{actor.AdminTier} 级管理员不能授予“{RecommendationLevels.NameOf(level)}” (your tier cannot grant this level)",
            CurationVerb.Transfer when !caller.Region.Everywhere =>
                "只有平台管理员可以转移资源的所属机构 (only the platform administrator moves items between organisations)",
            CurationVerb.Rate when !caller.Is(Roles.Teacher) => "只有教师可以评分 (only teachers rate)",
            CurationVerb.Rate when own => "不能为本人的资源评分 (you cannot rate your own item)",
            _ => null,
        };
    }

    public static void AuthorizeReviewQueue(Caller caller)
    {
        if (!caller.Is(Roles.Expert))
            throw CurationError.Forbidden("只有学科专家有待评审队列 (only experts have a review queue)");
    }

    /// <summary>Admins of a school or region manage rubrics and quotas for that region.</summary>
    public static void AuthorizeRegionAdmin(Actor actor, IReadOnlyList<string>? regionOfTarget = null)
    {
        if (actor.AdminTier is null)
            throw CurationError.Forbidden("只有学校或教育行政机构的管理员可以管理量规和名额 (only school or regional admins manage rubrics and quotas)");
        if (regionOfTarget is not null && !regionOfTarget.Contains(actor.Org!.Code))
            throw CurationError.Forbidden("目标不在您管辖的区域内 (outside your region)");
    }
}
