using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using ResourceHub.Application.Packages;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Packages;
using ResourceHub.Domain.Resources;
using ResourceHub.Web.Hosting;
using ResourceHub.Web.Rendering;

namespace ResourceHub.Web.Pages.Packages;

/// <summary>A 资源包: its description, sections with their resources in order, total size and the ZIP link (resources the
/// caller may not see are left out, as in the ZIP); its curation status and History; 送审 for its owner, 推优 for hosts and
/// 推荐 for admins, through <see cref="PackageCuration"/> like the OData actions.</summary>
public sealed class DetailModel(PackageAuthoring packages, PackageCuration curation, MarkdownRenderer markdown) : WorkPage
{
    /// <summary>Its curation as the caller may read it (History, nominations), and what the caller may do next.</summary>
    public IReadOnlyList<CurationEvent> History { get; private set; } = [];
    public IReadOnlyList<Nomination> Nominations { get; private set; } = [];
    public IReadOnlyList<Domain.Resources.Checks.CheckResult> Checks { get; private set; } = [];
    /// <summary>The owner may send it to review (送审) now.</summary>
    public bool CanSubmit { get; private set; }
    public bool IsHost { get; private set; }
    public bool IsAdmin { get; private set; }
    public bool IsExpert { get; private set; }
    /// <summary>The level a nomination or recommendation names next, when the package is live and below national.</summary>
    public string? NextLevel { get; private set; }

    public sealed record Section(string Title, IReadOnlyList<Resource> Resources);

    public Package Package { get; private set; } = null!;
    public IReadOnlyList<Section> Sections { get; private set; } = [];
    public IHtmlContent Description { get; private set; } = HtmlString.Empty;
    public long TotalBytes => Sections.SelectMany(s => s.Resources).Sum(r => r.File?.Size ?? 0);

    [FromRoute] public Guid Id { get; set; }

    public async Task OnGetAsync([FromQuery] string? done, CancellationToken ct)
    {
        ShowDone(done);
        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) =>
        SubmitAsync($"/packages/{Id}", async caller =>
        {
            await curation.SubmitAsync(caller, Id, null, ct);
            return "资源包已送审，专家评审后会通知您结果。";
        }, ct);

    public Task<IActionResult> OnPostNominateAsync([FromForm] string? level, [FromForm] string? reason, CancellationToken ct) =>
        SubmitAsync($"/packages/{Id}", async caller =>
        {
            await curation.NominateAsync(caller, Id, level, reason, null, ct);
            return "已推优，等待管理员审定。";
        }, ct);

    public Task<IActionResult> OnPostRecommendAsync([FromForm] string? level, [FromForm] string? reason, CancellationToken ct) =>
        SubmitAsync($"/packages/{Id}", async caller =>
        {
            await curation.RecommendAsync(caller, Id, level, reason, null, ct);
            return $"已推荐为{Names.Level(level)}资源包。";
        }, ct);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var caller = await CallerAsync(ct);
        Package = await packages.FindReadableAsync(caller, Id, ct);
        var visible = await packages.VisibleResourcesAsync(caller, Package, ct);
        Sections = Package.Sections.OrderBy(s => s.Position)
            .Select(s => new Section(s.Title, s.Items.OrderBy(i => i.Position).Where(i => visible.ContainsKey(i.ResourceId)).Select(i => visible[i.ResourceId]).ToList()))
            .ToList();
        Description = markdown.Render(Package.Description);
        (History, Nominations) = await curation.RecordAsync(caller, Id, ct);
        var editable = PackagePermissions.Editable.Contains(Package.Status);
        CanSubmit = editable && PackagePermissions.CanModify(caller, Package) && caller.Role is Roles.Vendor or Roles.Teacher;
        if (CanSubmit)
            Checks = await curation.ChecksAsync(caller, Id, ct);
        IsHost = caller.Is(Roles.WorkshopHost);
        IsAdmin = caller.IsAdmin;
        IsExpert = caller.Is(Roles.Expert) && VisibilityScope.UnderReview.Contains(Package.Status);
        NextLevel = ResourceStatus.PublicStates.Contains(Package.Status) ? RecommendationLevels.Next(Package.RecommendationLevel) : null;
        ViewData["Title"] = Package.Title;
    }
}
