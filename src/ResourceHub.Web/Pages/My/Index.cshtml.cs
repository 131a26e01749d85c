using ResourceHub.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResourceHub.Application.Identity;
using ResourceHub.Application.Resources;

namespace ResourceHub.Web.Pages.My;

/// <summary>我的上传: the caller's items with their review status.</summary>
public sealed class IndexModel(MyUploads mine) : PageModel
{
    public IReadOnlyList<MyUploadRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await mine.ListAsync(await HttpContext.SignedInCallerAsync(ct), ct);
}
