using ResourceHub.Domain.Resources;
using ResourceHub.Domain.Taxonomy;
using S = ResourceHub.Domain.Resources.ResourceStatus;

namespace ResourceHub.Domain.Curation;

/// <summary>
/// The resource lifecycle as a table: anything not listed is refused. Recommended → Recommended is
/// the next level up (the level itself is checked by <see cref="RecommendationLevels"/>).
/// </summary>
public static class Lifecycle
{
    public static readonly IReadOnlyList<Transition> Transitions =
    [
        new(S.Draft, CurationAction.Submit, S.Submitted),
        new(S.ChangesRequested, CurationAction.Submit, S.Submitted),
        new(S.Submitted, CurationAction.StartReview, S.InReview),
        new(S.InReview, CurationAction.Publish, S.Published),
        new(S.InReview, CurationAction.RequestChanges, S.ChangesRequested),
        new(S.InReview, CurationAction.Reject, S.Rejected),
        new(S.Published, CurationAction.Recommend, S.Recommended),
        new(S.Recommended, CurationAction.Recommend, S.Recommended),
        new(S.Published, CurationAction.Retire, S.Retired),
        new(S.Recommended, CurationAction.Retire, S.Retired),
    ];

    public static readonly IReadOnlyList<string> AllStatuses =
        [S.Draft, S.Submitted, S.InReview, S.ChangesRequested, S.Rejected, S.Published, S.Recommended, S.Retired];

    public static string? Target(string from, CurationAction action) =>
        Transitions.FirstOrDefault(t => t.From == from && t.Action == action)?.To;

    /// <summary>The state after the move, or a Conflict naming both states in Chinese.</summary>
    public static string Next(string from, CurationAction action) =>
        Target(from, action) ?? throw CurationError.Conflict(
            $"当前状态“{NameOf(from)}”下不能执行“{ActionName(action)}” (cannot {CurationActions.Code(action)} an item that is {from})");

    public static string NameOf(string status) => TaxonomyCatalog.Default.Statuses.NameOf(status) ?? status;

    private static string ActionName(CurationAction action) => action switch
    {
        CurationAction.Submit => "提交审核",
        CurationAction.StartReview => "开始评审",
        CurationAction.Publish => "发布",
        CurationAction.RequestChanges => "退回修改",
        CurationAction.Reject => "不予通过",
        CurationAction.Recommend => "推荐",
        CurationAction.Retire => "淘汰",
        _ => action.ToString(),
    };

    /// <summary>States whose metadata edits go to a pending revision instead of the live fields.</summary>
    public static bool IsLive(string status) => ResourceStatus.PublicStates.Contains(status);
}
