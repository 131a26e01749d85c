using Microsoft.EntityFrameworkCore;
using ResourceHub.Application.Packages;
using ResourceHub.Domain.Packages;
using ResourceHub.Web.Hosting;

namespace ResourceHub.Web.Pages.Packages;

/// <summary>资源包: the packages the caller may see, newest change first.</summary>
public sealed class IndexModel(PackageAuthoring packages) : WorkPage
{
    public const int Shown = 100;

    public IReadOnlyList<Package> Packages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Packages = await packages.Readable(await CallerAsync(ct)).AsNoTracking()
            .OrderByDescending(p => p.UpdatedAt).Take(Shown).ToListAsync(ct);
        ViewData["Title"] = "资源包";
    }
}
