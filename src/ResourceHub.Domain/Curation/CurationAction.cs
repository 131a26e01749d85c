namespace ResourceHub.Domain.Curation;

/// <summary>The moves of the lifecycle; each one is a row in <see cref="Lifecycle.Transitions"/>.</summary>
public enum CurationAction
{
    Submit,
    StartReview,
    Publish,
    RequestChanges,
    Reject,
    Recommend,
    Retire,
}

public static class CurationActions
{
    /// <summary>The code stored in History.</summary>
    public static string Code(CurationAction action) => action switch
    {
        CurationAction.Submit => "submit",
        CurationAction.StartReview => "start-review",
        CurationAction.Publish => "publish",
        CurationAction.RequestChanges => "request-changes",
        CurationAction.Reject => "reject",
        CurationAction.Recommend => "recommend",
        CurationAction.Retire => "retire",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>History codes of events that record a fact without moving the item.</summary>
    public const string Review = "review";
    public const string Nominate = "nominate";
    public const string Revise = "revise";
    public const string ThirdReviewer = "third-reviewer";
    public const string Transfer = "transfer";
    /// <summary>An admin merged a duplicate into the item kept (recorded on both).</summary>
    public const string Merge = "merge";
}
