using ResourceHub.Application.Curation;
using ResourceHub.Application.Duplicates;
using ResourceHub.Application.Media;
using ResourceHub.Application.Resources;
using ResourceHub.Domain.Access;
using ResourceHub.Web.Hosting;
using ResourceHub.Web.Pages.Shared;
using ResourceHub.Web.Rendering;

namespace ResourceHub.Web.Pages.Review;

/// <summary>One item on the review desk: its preview beside the rubric form (points per criterion, verdict, comment).</summary>
public sealed class ItemModel(ReviewDesk desk, ResourceFacts facts, UploadChecks checks, DuplicateMatches duplicates, MediaLinks links,
    MarkdownRenderer markdown) : RubricPage
{
    public ReviewSheet Sheet { get; private set; } = null!;
    public MediaPreview Preview { get; private set; } = null!;
    public IReadOnlyList<Domain.Resources.Checks.CheckResult> Checks { get; private set; } = [];
    public DuplicatePanel Duplicates { get; private set; } = DuplicatePanel.None;

    protected override ReviewRound Round => Sheet.Round;
    protected override string Path => $"/review/{Id}";

    protected override Task ReviewAsync(Caller caller, ReviewInput input, CancellationToken ct) =>
        desk.ReviewAsync(caller, Id, input, checkVersion: null, ct);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var caller = await CallerAsync(ct);
        Sheet = await desk.OpenAsync(caller, Id, ct);
        var view = Sheet.Item.View;
        var renditions = (await facts.RenditionsAsync([Id], ct))[Id].ToList();
        Preview = new MediaPreview(view, renditions, what => links.Url(Id, caller.UserId, what), markdown.Render(view.Description));
        Checks = await checks.ForAsync(view, ct);
        Duplicates = await DuplicatePanel.LoadAsync(await duplicates.OfAsync(caller, Id, ct), facts, canMerge: false, ct);
        ViewData["Title"] = "评审：" + view.Title;
    }
}
