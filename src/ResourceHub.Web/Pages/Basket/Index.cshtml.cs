using Microsoft.AspNetCore.Mvc;
using ResourceHub.Application.Packages;
using ResourceHub.Web.Hosting;

namespace ResourceHub.Web.Pages.Basket;

/// <summary>备课篮: the resources gathered for a lesson, their total size, the ZIP link, and saving them as a draft 资源包.
/// The add/remove buttons elsewhere post here and come back to the page they were on.</summary>
public sealed class IndexModel(Baskets baskets, PackageAuthoring packages) : WorkPage
{
    public IReadOnlyList<BasketLine> Lines { get; private set; } = [];
    public long TotalBytes => Lines.Sum(l => l.Resource.File?.Size ?? 0);

    [BindProperty] public string? Title { get; set; }

    public async Task OnGetAsync([FromQuery] string? done, CancellationToken ct)
    {
        ShowDone(done);
        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostAddAsync([FromForm] Guid id, [FromForm] string? returnUrl, CancellationToken ct) =>
        SubmitAsync(Back(returnUrl), async caller =>
        {
            await baskets.AddAsync(caller, id, ct);
            return "已加入备课篮";
        }, ct);

    public Task<IActionResult> OnPostRemoveAsync([FromForm] Guid id, [FromForm] string? returnUrl, CancellationToken ct) =>
        SubmitAsync(Back(returnUrl), async caller =>
        {
            await baskets.RemoveAsync(caller, id, ct);
            return "已移出备课篮";
        }, ct);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        try
        {
            var package = await packages.FromBasketAsync(await CallerAsync(ct), Title, ct);
            return Redirect($"/packages/{package.Id}?done=" + Uri.EscapeDataString("已保存为资源包草稿"));
        }
        catch (Exception e) when (IsRefusal(e))
        {
            Show(e);
            await LoadAsync(ct);
            return Page();
        }
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Lines = await baskets.ListAsync(await CallerAsync(ct), ct);
        ViewData["Title"] = "备课篮";
    }

    /// <summary>Only a path on this site (an open redirect would let a link send teachers elsewhere).</summary>
    private string Back(string? returnUrl) => returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) ? returnUrl : "/basket";
}
