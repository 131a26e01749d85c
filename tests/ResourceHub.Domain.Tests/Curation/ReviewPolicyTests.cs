using ResourceHub.Domain.Curation;
using A = ResourceHub.Domain.Curation.Verdicts;
using O = ResourceHub.Domain.Curation.ReviewOutcome;

namespace ResourceHub.Domain.Tests.Curation;

public sealed class ReviewPolicyTests
{
    private static readonly ReviewRules Rules = new(RequiredReviews: 2, PassMean: 70, DivergenceGap: 20);

    public static readonly TheoryData<string, (double, string)[], O> Cases = new()
    {
        { "no reviews yet", [], O.Pending },
        { "one of two", [(90, A.Approve)], O.Pending },
        { "two agreeing approvals above the mark", [(85, A.Approve), (80, A.Approve)], O.Publish },
        { "mean exactly at the mark", [(70, A.Approve), (70, A.Approve)], O.Publish },
        { "approvals below the mark", [(65, A.Approve), (68, A.Approve)], O.RequestChanges },
        { "both ask for changes", [(60, A.Changes), (55, A.Changes)], O.RequestChanges },
        { "both reject", [(30, A.Reject), (20, A.Reject)], O.Reject },
        { "scores diverge beyond the gap", [(95, A.Approve), (60, A.Approve)], O.NeedsAnotherReviewer },
        { "verdicts disagree", [(80, A.Approve), (75, A.Changes)], O.NeedsAnotherReviewer },
        { "third reviewer sides with approval", [(80, A.Approve), (75, A.Changes), (82, A.Approve)], O.Publish },
        { "third reviewer sides with rejection", [(80, A.Approve), (40, A.Reject), (35, A.Reject)], O.Reject },
        { "three different verdicts tie", [(80, A.Approve), (60, A.Changes), (40, A.Reject)], O.RequestChanges },
        { "third resolves divergent approvals", [(95, A.Approve), (60, A.Approve), (80, A.Approve)], O.Publish },
        { "majority approval but mean below the mark", [(72, A.Approve), (30, A.Reject), (66, A.Approve)], O.RequestChanges },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Round_outcome(string @case, (double, string)[] reviews, O expected)
    {
        Assert.NotNull(@case);
        Assert.Equal(expected, ReviewPolicy.Decide(Rules, reviews));
    }

    [Fact]
    public void A_divergent_round_needs_one_more_review() =>
        Assert.Equal(3, ReviewPolicy.ReviewsNeeded(Rules, O.NeedsAnotherReviewer));

    [Fact]
    public void A_single_reviewer_rubric_decides_at_once() =>
        Assert.Equal(O.Publish, ReviewPolicy.Decide(Rules with { RequiredReviews = 1 }, [(90, A.Approve)]));
}
