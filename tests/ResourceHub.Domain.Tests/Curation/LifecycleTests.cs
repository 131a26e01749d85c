using ResourceHub.Domain.Curation;
using S = ResourceHub.Domain.Resources.ResourceStatus;

namespace ResourceHub.Domain.Tests.Curation;

public sealed class LifecycleTests
{
    /// <summary>The lifecycle as the issue states it, written out independently of the implementation's table.</summary>
    public static readonly TheoryData<string, CurationAction, string> Allowed = new()
    {
        { S.Draft, CurationAction.Submit, S.Submitted },
        { S.ChangesRequested, CurationAction.Submit, S.Submitted },
        { S.Submitted, CurationAction.StartReview, S.InReview },
        { S.InReview, CurationAction.Publish, S.Published },
        { S.InReview, CurationAction.RequestChanges, S.ChangesRequested },
        { S.InReview, CurationAction.Reject, S.Rejected },
        { S.Published, CurationAction.Recommend, S.Recommended },
        { S.Recommended, CurationAction.Recommend, S.Recommended },
        { S.Published, CurationAction.Retire, S.Retired },
        { S.Recommended, CurationAction.Retire, S.Retired },
    };

    public static TheoryData<string, CurationAction> Forbidden()
    {
        var allowed = Allowed.Select(row => ((string)row[0], (CurationAction)row[1])).ToHashSet();
        var data = new TheoryData<string, CurationAction>();
        foreach (var status in Lifecycle.AllStatuses)
            foreach (var action in Enum.GetValues<CurationAction>())
                if (!allowed.Contains((status, action)))
                    data.Add(status, action);
        return data;
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Allowed_transition_reaches_its_state(string from, CurationAction action, string to) =>
        Assert.Equal(to, Lifecycle.Next(from, action));

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void Forbidden_transition_is_a_conflict_in_chinese(string from, CurationAction action)
    {
        var e = Assert.Throws<CurationError>(() => Lifecycle.Next(from, action));
        Assert.Equal(CurationErrorKind.Conflict, e.Kind);
        Assert.Contains(Lifecycle.NameOf(from), e.Message);
    }

    [Fact]
    public void The_table_has_exactly_the_listed_transitions() =>
        Assert.Equal(Allowed.Count(), Lifecycle.Transitions.Count);

    [Fact]
    public void Retired_and_rejected_are_terminal() =>
        Assert.DoesNotContain(Lifecycle.Transitions, t => t.From is S.Retired or S.Rejected);

    [Theory]
    [InlineData(S.Draft, EditMode.InPlace)]
    [InlineData(S.ChangesRequested, EditMode.InPlace)]
    [InlineData(S.Published, EditMode.Revision)]
    [InlineData(S.Recommended, EditMode.Revision)]
    [InlineData(S.Submitted, EditMode.Locked)]
    [InlineData(S.InReview, EditMode.Locked)]
    [InlineData(S.Rejected, EditMode.Locked)]
    [InlineData(S.Retired, EditMode.Locked)]
    public void Edit_mode_follows_the_state(string status, EditMode mode) => Assert.Equal(mode, EditModes.Of(status));

    [Theory]
    [InlineData(S.Draft, true)]
    [InlineData(S.ChangesRequested, true)]
    [InlineData(S.Rejected, true)]
    [InlineData(S.Submitted, false)]
    [InlineData(S.InReview, false)]
    [InlineData(S.Published, false)]
    [InlineData(S.Recommended, false)]
    [InlineData(S.Retired, false)]
    public void Only_unreviewed_or_returned_work_may_be_deleted(string status, bool deletable)
    {
        var error = Record.Exception(() => EditModes.CheckDeletable(status));
        Assert.Equal(deletable, error is null);
    }
}
