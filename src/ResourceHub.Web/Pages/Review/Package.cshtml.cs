using Microsoft.AspNetCore.Mvc;
using ResourceHub.Application.Curation;
using ResourceHub.Application.Packages;
using ResourceHub.Domain.Packages;
using ResourceHub.Domain.Resources;
using ResourceHub.Web.Hosting;
using ResourceHub.Web.Pages.Shared;
using ResourceHub.Web.Rendering;
using Microsoft.AspNetCore.Html;

namespace ResourceHub.Web.Pages.Review;

/// <summary>A 资源包 on the review desk: its outline (each resource linked), its 规范性检查 and the same rubric form as a resource's.</summary>
public sealed class PackageModel(ReviewDesk desk, PackageAuthoring packages, PackageCuration curation, MarkdownRenderer markdown) : WorkPage
{
    public Package Package { get; private set; } = null!;
    public ReviewRound Round { get; private set; } = null!;
    public IReadOnlyList<(string Title, IReadOnlyList<Resource> Resources)> Sections { get; private set; } = [];
    public IReadOnlyList<Domain.Resources.Checks.CheckResult> Checks { get; private set; } = [];
    public IHtmlContent Description { get; private set; } = HtmlString.Empty;

    private Dictionary<string, string> _entered = [];
    private string? _verdict, _comment;
    public ReviewRoundForm Form => new(Round, _entered, _verdict, _comment);

    [FromRoute] public Guid Id { get; set; }

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        ShowDone(done);
        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostAsync([FromForm] string[] criterion, [FromForm] string[] points, [FromForm] string? verdict,
        [FromForm] string? comment, CancellationToken ct)
    {
        (_entered, _verdict, _comment) = (ReviewRoundForm.Typed(criterion, points), verdict, comment);
        return SubmitAsync($"/review/packages/{Id}", async caller =>
        {
            await curation.ReviewAsync(caller, Id, new ReviewInput(ReviewRoundForm.Scores(criterion, points), verdict, comment), null, ct);
            return "评审已提交，感谢您的评审！";
        }, ct);
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var caller = await CallerAsync(ct);
        (Package, Round) = await desk.OpenPackageAsync(caller, Id, ct);
        var visible = await packages.VisibleResourcesAsync(caller, Package, ct);
        Sections = Package.Sections.OrderBy(s => s.Position)
            .Select(s => (s.Title, (IReadOnlyList<Resource>)s.Items.OrderBy(i => i.Position).Where(i => visible.ContainsKey(i.ResourceId))
                .Select(i => visible[i.ResourceId]).ToList()))
            .ToList();
        Checks = await curation.ChecksAsync(caller, Id, ct);
        Description = markdown.Render(Package.Description);
        ViewData["Title"] = "评审：" + Package.Title;
    }
}
