using ResourceHub.Domain.Access;

namespace ResourceHub.Domain.Curation;

/// <summary>An item's review round that is still open: when it opened and whether its rubric is blind.</summary>
public sealed record OpenRound(DateTime OpenedAt, bool Blind);

/// <summary>
/// What an expert may read of an item's History while a review round is open: not the other experts' steps of
/// that round (start-review, review with its verdict and score, the call for a third reviewer), so each review
/// stays independent; and under a blind rubric nobody else's identity (the uploader's above all). Once the
/// round is decided the record is whole again. Everyone but experts sees History unchanged.
/// </summary>
public static class ReviewSecrecy
{
    public static readonly IReadOnlyList<string> RoundActions =
        [CurationActions.Code(CurationAction.StartReview), CurationActions.Review, CurationActions.ThirdReviewer];

    /// <summary>The event as <paramref name="caller"/> may see it (a masked copy under a blind round), or null when hidden.</summary>
    public static CurationEvent? Show(Caller caller, CurationEvent e, OpenRound? round)
    {
        if (!caller.Is(Roles.Expert) || round is null || e.ActorId == caller.UserId)
            return e;
        if (e.At >= round.OpenedAt && RoundActions.Contains(e.Action))
            return null;
        if (!round.Blind)
            return e;
        return new CurationEvent
        {
            Id = e.Id, ResourceId = e.ResourceId, Action = e.Action, FromStatus = e.FromStatus, ToStatus = e.ToStatus,
            OnRevision = e.OnRevision, Level = e.Level, ActorRole = e.ActorRole, At = e.At,
            Reason = e.Action == CurationActions.Transfer ? "" : e.Reason, // "from → to": the owner's organisations
            ActorId = "", ActorOrg = "",
        };
    }
}
