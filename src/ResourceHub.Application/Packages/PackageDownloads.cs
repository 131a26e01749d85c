using Microsoft.EntityFrameworkCore;
using ResourceHub.Application.Curation;
using ResourceHub.Application.Resources;
using ResourceHub.Application.Packages.Zip;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Packages;
using ResourceHub.Domain.Resources;
using ResourceHub.Domain.Taxonomy;

namespace ResourceHub.Application.Packages;

/// <summary>
/// A package or a basket as one ZIP: only resources the caller may see and that have a file go in (another
/// organisation's draft in a package is left out, not an error); each counts as one download.
/// </summary>
public sealed class PackageDownloads(ResourceHubDbContext db, ResourceReader reader, PackageAuthoring packages, BlobCrcs crcs,
    DownloadCounter counter, TaxonomyCatalog taxonomy)
{
    public async Task<ZipDownload> ForPackageAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var package = await packages.FindReadableAsync(caller, id, ct);
        var order = package.Sections.OrderBy(s => s.Position)
            .SelectMany(s => s.Items.OrderBy(i => i.Position).Select(i => (Folder: $"{s.Position + 1:00} {s.Title}", i.ResourceId)))
            .ToList();
        var visible = await VisibleWithFilesAsync(caller, order.Select(o => o.ResourceId).ToList(), ct);
        var items = order.Where(o => visible.ContainsKey(o.ResourceId)).Select(o => new ZipItem(o.Folder, visible[o.ResourceId])).ToList();
        return await BuildAsync(package.Title, package.Description, items, package.UpdatedAt, ct);
    }

    public async Task<ZipDownload> ForBasketAsync(Caller caller, CancellationToken ct)
    {
        var ids = await db.Set<BasketItem>().Where(b => b.UserId == caller.UserId).OrderBy(b => b.AddedAt)
            .Select(b => b.ResourceId).ToListAsync(ct);
        var visible = await VisibleWithFilesAsync(caller, ids, ct);
        var items = ids.Where(visible.ContainsKey).Select(id => visible[id])
            .OrderBy(r => r.Stage).ThenBy(r => r.Subject).ThenBy(r => r.Kind)
            .Select(r => new ZipItem($"{Name(taxonomy.Stages, r.Stage)}/{Name(taxonomy.Subjects, r.Subject)}/{Name(taxonomy.Kinds, r.Kind)}", r))
            .ToList();
        var modified = items.Count == 0 ? DateTime.UnixEpoch : items.Max(i => i.Resource.UpdatedAt);
        return await BuildAsync("我的备课篮", null, items, modified, ct);
    }

    /// <summary>Called once per download, when its body starts at byte 0: every resource in it counts.</summary>
    public async Task CountAsync(ZipDownload download, CancellationToken ct)
    {
        foreach (var id in download.ResourceIds)
            await counter.CountAsync(id, ct);
    }

    private async Task<ZipDownload> BuildAsync(string title, string? description, List<ZipItem> items, DateTime modified, CancellationToken ct)
    {
        var keys = items.Select(i => i.Resource.File!.BlobKey).Distinct().ToList();
        var known = await crcs.ForAsync(keys, ct);
        var entries = new ZipContents(taxonomy).Build(title, description, items, known, modified);
        return new ZipDownload(ZipContents.SafeName(title) + ".zip", new ZipLayout(entries), ZipContents.ETagOf(entries),
            items.Select(i => i.Resource.Id).Distinct().ToList());
    }

    private async Task<Dictionary<Guid, Resource>> VisibleWithFilesAsync(Caller caller, List<Guid> ids, CancellationToken ct) =>
        await reader.Visible(caller).AsNoTracking().Where(r => ids.Contains(r.Id) && r.File != null).ToDictionaryAsync(r => r.Id, ct);

    private static string Name(TaxonomyList list, string code) => list.NameOf(code) ?? code;
}
