using Microsoft.AspNetCore.Mvc;
using ResourceHub.Application.Curation;
using ResourceHub.Application.Duplicates;
using ResourceHub.Application.Media;
using ResourceHub.Application.Resources;
using ResourceHub.Domain.Curation;
using ResourceHub.Web.Hosting;
using ResourceHub.Web.Pages.Shared;
using ResourceHub.Web.Rendering;

namespace ResourceHub.Web.Pages.Review;

/// <summary>One item on the review desk: its preview beside the rubric form (points per criterion, verdict, comment).</summary>
public sealed class ItemModel(ReviewDesk desk, ResourceFacts facts, UploadChecks checks, DuplicateMatches duplicates, MediaLinks links,
    MarkdownRenderer markdown) : WorkPage
{
    public ReviewSheet Sheet { get; private set; } = null!;
    public MediaPreview Preview { get; private set; } = null!;
    public IReadOnlyList<Domain.Resources.Checks.CheckResult> Checks { get; private set; } = [];
    public DuplicatePanel Duplicates { get; private set; } = DuplicatePanel.None;

    /// <summary>What the expert entered, shown again when the server refuses it.</summary>
    private Dictionary<string, string> _entered = [];
    private string? _verdict, _comment;
    public ReviewRoundForm Form => new(Sheet.Round, _entered, _verdict, _comment);

    [FromRoute] public Guid Id { get; set; }

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        ShowDone(done);
        await LoadAsync(ct);
    }

    /// <summary>criterion[i] names the criterion whose points are points[i]; the server recomputes the total.</summary>
    public Task<IActionResult> OnPostAsync([FromForm] string[] criterion, [FromForm] string[] points, [FromForm] string? verdict,
        [FromForm] string? comment, CancellationToken ct)
    {
        (_entered, _verdict, _comment) = (ReviewRoundForm.Typed(criterion, points), verdict, comment);
        return SubmitAsync($"/review/{Id}", async caller =>
        {
            await desk.ReviewAsync(caller, Id, new ReviewInput(ReviewRoundForm.Scores(criterion, points), verdict, comment), checkVersion: null, ct);
            return "评审已提交，感谢您的评审！";
        }, ct);
    }

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
