using ResourceHub.Application.Curation;
using ResourceHub.Application.Packages;
using ResourceHub.Domain.Packages;
using ResourceHub.Domain.Access;
using ResourceHub.Web.Rendering;
using Microsoft.AspNetCore.Html;

namespace ResourceHub.Web.Pages.Review;

/// <summary>A 资源包 on the review desk: its outline (each resource linked), its 规范性检查 and the same rubric form as a resource's.</summary>
public sealed class PackageModel(ReviewDesk desk, PackageAuthoring packages, PackageCuration curation, MarkdownRenderer markdown,
    ReviewerView reviewerView) : RubricPage
{
    public Package Package { get; private set; } = null!;
    public int RoundNumber => _round.Number;
    public IReadOnlyList<OutlineSection> Sections { get; private set; } = [];
    public IReadOnlyList<Domain.Resources.Checks.CheckResult> Checks { get; private set; } = [];
    public IHtmlContent Description { get; private set; } = HtmlString.Empty;

    protected override ReviewRound Round => _round;
    private ReviewRound _round = null!;
    protected override string Path => $"/review/packages/{Id}";

    protected override Task ReviewAsync(Caller caller, ReviewInput input, CancellationToken ct) =>
        curation.ReviewAsync(caller, Id, input, null, ct);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var caller = await CallerAsync(ct);
        (var package, _round) = await desk.OpenPackageAsync(caller, Id, ct);
        Package = (await reviewerView.MaskAsync(caller, [package], ct))[0]; // blind review: no 提供机构
        Sections = await packages.OutlineAsync(caller, Package, ct);
        Checks = await curation.ChecksAsync(caller, Id, ct);
        Description = markdown.Render(Package.Description);
        ViewData["Title"] = "评审：" + Package.Title;
    }
}
