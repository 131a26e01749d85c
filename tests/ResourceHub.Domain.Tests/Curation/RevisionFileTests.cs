using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Resources;
using static ResourceHub.Domain.Tests.Curation.Fixtures;
using S = ResourceHub.Domain.Resources.ResourceStatus;

namespace ResourceHub.Domain.Tests.Curation;

/// <summary>A new file for a live item waits on its pending revision until the revision passes review.</summary>
public sealed class RevisionFileTests
{
    private static readonly Actor Uploader = As("alice", Roles.Vendor, Vendor);
    private static readonly Actor Eve = As("eve", Roles.Expert, OtherCounty, "math");
    private static readonly Actor Ed = As("ed", Roles.Expert, City, "math");

    private static CurationWorkflow Flow(Actor actor) => new(actor, Now);

    private static ResourceFile File(string name) =>
        new() { FileName = name, ContentType = "application/pdf", Size = 10, Sha256 = name, BlobKey = $"k/{name}", UploadedAt = Now };

    private static Resource Live()
    {
        var live = Item(S.Published);
        live.File = File("old.pdf");
        return live;
    }

    private static void Pass(CurationItem item)
    {
        var rubric = Rubric();
        Flow(Uploader).Submit(item, rubric);
        foreach (var expert in new[] { Eve, Ed })
            Flow(expert).Review(item, rubric, item.Added.OfType<Review>().ToList(), Scores(80), Verdicts.Approve, "好");
    }

    [Fact]
    public void A_new_file_goes_to_a_draft_revision_and_the_live_file_stays()
    {
        var live = Live();
        var item = Track(live);
        Flow(Uploader).ReviseFile(item, File("new.pdf"));
        Assert.Equal("old.pdf", live.File!.FileName);
        Assert.Equal((S.Draft, "new.pdf", "圆的面积"), (item.Revision!.Status, item.Revision.File!.FileName, item.Revision.Title));
        Assert.Same(item.Revision, item.Added.OfType<ResourceRevision>().Single());
        var e = item.Added.OfType<CurationEvent>().Single();
        Assert.Equal((CurationActions.Revise, S.Published, true), (e.Action, e.ToStatus, e.OnRevision));
        Assert.Equal("new.pdf", ResourceRevision.Preview(live, item.Revision).File!.FileName);
    }

    [Fact]
    public void Passing_review_makes_the_revision_file_live_and_says_so()
    {
        var live = Live();
        var item = Track(live);
        Flow(Uploader).ReviseFile(item, File("new.pdf"));
        Pass(item);
        Assert.Equal((S.Published, "new.pdf"), (live.Status, live.File!.FileName));
        Assert.Same(live.File, item.PublishedFile);
        Assert.Null(item.Revision);
        Assert.NotNull(item.RemovedRevision);
    }

    [Fact]
    public void A_metadata_only_revision_keeps_the_live_file_and_starts_no_media_work()
    {
        var live = Live();
        var item = Track(live);
        var edited = ResourceRevision.Preview(live, null);
        edited.Title = "圆的面积（修订版）";
        Flow(Uploader).Revise(item, edited);
        Pass(item);
        Assert.Equal(("圆的面积（修订版）", "old.pdf"), (live.Title, live.File!.FileName));
        Assert.Null(item.PublishedFile);
    }

    [Fact]
    public void A_metadata_edit_after_a_new_file_keeps_the_file_on_the_revision()
    {
        var live = Live();
        var item = Track(live);
        Flow(Uploader).ReviseFile(item, File("new.pdf"));
        var edited = ResourceRevision.Preview(live, item.Revision);
        edited.Title = "圆的面积（修订版）";
        Assert.True(Flow(Uploader).Revise(item, edited));
        Assert.Equal(("圆的面积（修订版）", "new.pdf"), (item.Revision!.Title, item.Revision.File!.FileName));
    }

    [Fact]
    public void A_revision_under_review_refuses_a_new_file()
    {
        var live = Live();
        var item = Track(live, new ResourceRevision { ResourceId = live.Id, Status = S.InReview });
        var e = Assert.Throws<CurationError>(() => Flow(Uploader).ReviseFile(item, File("new.pdf")));
        Assert.Equal(CurationErrorKind.Conflict, e.Kind);
        Assert.Null(item.Revision!.File);
        Assert.Empty(item.Added);
    }

    [Theory]
    [InlineData(S.Draft)]
    [InlineData(S.Submitted)]
    [InlineData(S.Retired)]
    public void Only_a_live_item_takes_a_file_through_a_revision(string status)
    {
        var item = Track(Item(status));
        Assert.Throws<CurationError>(() => Flow(Uploader).ReviseFile(item, File("new.pdf")));
        Assert.Null(item.Revision);
    }

    [Fact]
    public void A_new_file_reopens_a_rejected_revision_as_a_draft()
    {
        var live = Live();
        var item = Track(live, new ResourceRevision { ResourceId = live.Id, Status = S.Rejected, File = File("first.pdf") });
        Flow(Uploader).ReviseFile(item, File("second.pdf"));
        Assert.Equal((S.Draft, "second.pdf"), (item.Revision!.Status, item.Revision.File!.FileName));
        Assert.Empty(item.Added.OfType<ResourceRevision>()); // the existing row is updated, not added
    }

    [Fact]
    public void Retiring_drops_a_revision_with_a_new_file()
    {
        var live = Live();
        var item = Track(live);
        Flow(Uploader).ReviseFile(item, File("new.pdf"));
        Flow(As("cathy", Roles.Admin, County)).Retire(item, "内容陈旧");
        Assert.Equal((S.Retired, "old.pdf"), (live.Status, live.File!.FileName));
        Assert.Null(item.Revision);
        Assert.Null(item.PublishedFile);
    }
}
