namespace ResourceHub.Domain.Curation;

public enum ReviewOutcome
{
    /// <summary>Fewer reviews than required so far.</summary>
    Pending,
    /// <summary>Reviews disagree or diverge: one more expert decides.</summary>
    NeedsAnotherReviewer,
    Publish,
    RequestChanges,
    Reject,
}

/// <summary>Turns a round's reviews into a decision under a rubric's rules.</summary>
public static class ReviewPolicy
{
    public static ReviewOutcome Decide(ReviewRules rules, IReadOnlyList<(double Total, string Verdict)> reviews)
    {
        if (reviews.Count < rules.RequiredReviews)
            return ReviewOutcome.Pending;
        var agree = reviews.All(r => r.Verdict == reviews[0].Verdict);
        var diverge = reviews.Max(r => r.Total) - reviews.Min(r => r.Total) > rules.DivergenceGap;
        // Only the first disagreement calls an extra expert; after that the majority decides.
        if ((!agree || diverge) && reviews.Count == rules.RequiredReviews)
            return ReviewOutcome.NeedsAnotherReviewer;
        var verdict = agree ? reviews[0].Verdict : Majority(reviews.Select(r => r.Verdict));
        return verdict switch
        {
            Verdicts.Approve => reviews.Average(r => r.Total) >= rules.PassMean ? ReviewOutcome.Publish : ReviewOutcome.RequestChanges,
            Verdicts.Reject => ReviewOutcome.Reject,
            _ => ReviewOutcome.RequestChanges,
        };
    }

    /// <summary>How many reviews a round needs once this outcome is known.</summary>
    public static int ReviewsNeeded(ReviewRules rules, ReviewOutcome outcome) =>
        outcome == ReviewOutcome.NeedsAnotherReviewer ? rules.RequiredReviews + 1 : rules.RequiredReviews;

    /// <summary>The most common verdict; a tie sends the work back for changes, the middle ground.</summary>
    private static string Majority(IEnumerable<string> verdicts)
    {
        var counts = verdicts.GroupBy(v => v).Select(g => (g.Key, Count: g.Count())).OrderByDescending(g => g.Count).ToList();
        return counts.Count > 1 && counts[0].Count == counts[1].Count ? Verdicts.Changes : counts[0].Key;
    }

    public static CurationAction? ActionFor(ReviewOutcome outcome) => outcome switch
    {
        ReviewOutcome.Publish => CurationAction.Publish,
        ReviewOutcome.RequestChanges => CurationAction.RequestChanges,
        ReviewOutcome.Reject => CurationAction.Reject,
        _ => null,
    };
}
