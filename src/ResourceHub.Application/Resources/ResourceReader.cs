using Microsoft.EntityFrameworkCore;
using ResourceHub.Application.Curation;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Application.Resources;

/// <summary>
/// Reading resources for a caller: only what <see cref="VisibilityScope"/> lets them see, and to an expert
/// an item under a blind review without its uploader (<see cref="ReviewerView"/>).
/// </summary>
public sealed class ResourceReader(ResourceHubDbContext db, ReviewerView reviewerView)
{
    public IQueryable<Resource> Visible(Caller caller) =>
        db.Resources.Where(VisibilityScope.For(caller).ToExpression());

    /// <summary>The tracked row, for use cases that go on to change it; a 404 when the caller may not see it.</summary>
    public async Task<Resource> FindVisibleAsync(Caller caller, Guid id, CancellationToken ct) =>
        await Visible(caller).FirstOrDefaultAsync(r => r.Id == id, ct)
        ?? throw Missing(id);

    /// <summary>The item as this caller is shown it (masked under a blind review).</summary>
    public async Task<Resource> ShowAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var row = await Visible(caller).AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct)
                  ?? throw Missing(id);
        return (await MaskAsync(caller, [row], ct))[0];
    }

    public Task<List<Resource>> MaskAsync(Caller caller, List<Resource> items, CancellationToken ct) =>
        reviewerView.MaskAsync(caller, items, ct);

    private static AppError Missing(Guid id) => AppError.NotFound($"资源 {id} 不存在 (no resource with this id)");
}
