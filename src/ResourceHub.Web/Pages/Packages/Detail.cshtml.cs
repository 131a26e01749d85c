using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using ResourceHub.Application.Packages;
using ResourceHub.Domain.Packages;
using ResourceHub.Domain.Resources;
using ResourceHub.Web.Hosting;
using ResourceHub.Web.Rendering;

namespace ResourceHub.Web.Pages.Packages;

/// <summary>A 资源包: its description, sections with their resources in order, total size and the ZIP link.
/// Resources the caller may not see are left out, as in the ZIP.</summary>
public sealed class DetailModel(PackageAuthoring packages, MarkdownRenderer markdown) : WorkPage
{
    public sealed record Section(string Title, IReadOnlyList<Resource> Resources);

    public Package Package { get; private set; } = null!;
    public IReadOnlyList<Section> Sections { get; private set; } = [];
    public IHtmlContent Description { get; private set; } = HtmlString.Empty;
    public long TotalBytes => Sections.SelectMany(s => s.Resources).Sum(r => r.File?.Size ?? 0);

    [FromRoute] public Guid Id { get; set; }

    public async Task OnGetAsync([FromQuery] string? done, CancellationToken ct)
    {
        ShowDone(done);
        var caller = await CallerAsync(ct);
        Package = await packages.FindReadableAsync(caller, Id, ct);
        var visible = await packages.VisibleResourcesAsync(caller, Package, ct);
        Sections = Package.Sections.OrderBy(s => s.Position)
            .Select(s => new Section(s.Title, s.Items.OrderBy(i => i.Position).Where(i => visible.ContainsKey(i.ResourceId)).Select(i => visible[i.ResourceId]).ToList()))
            .ToList();
        Description = markdown.Render(Package.Description);
        ViewData["Title"] = Package.Title;
    }
}
