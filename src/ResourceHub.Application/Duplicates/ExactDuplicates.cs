using Microsoft.EntityFrameworkCore;
using ResourceHub.Application.Resources;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Duplicates;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Application.Duplicates;

/// <summary>
/// At every upload (OData PUT, tus, web form, bulk import): another resource, in any organisation, whose current
/// file has the same SHA-256. The kind's policy refuses the upload (409, before the save that would make it live)
/// or lets it through with the pairs recorded in that same save.
/// </summary>
public sealed class ExactDuplicates(ResourceHubDbContext db, ResourceReader reader, DuplicateOptions options, TimeProvider clock)
{
    /// <summary>Enough to tell reviewers; a file uploaded hundreds of times needs no more rows.</summary>
    private const int MaxRecorded = 20;

    /// <param name="replacesCurrent">The upload becomes the item's file now (a draft), so findings about its old file go.</param>
    public async Task CheckAsync(Caller caller, Resource resource, ResourceFile file, bool replacesCurrent, CancellationToken ct)
    {
        var id = resource.Id;
        var sha = file.Sha256;
        var others = await db.Resources.AsNoTracking()
            .Where(r => r.Id != id && r.File != null && r.File.Sha256 == sha)
            .OrderBy(r => r.CreatedAt).Select(r => r.Id).Take(MaxRecorded).ToListAsync(ct);
        if (others.Count > 0 && options.Refuses(resource.Kind))
            throw await RefusalAsync(caller, others, ct);

        var recorded = await db.Set<DuplicateCandidate>()
            .Where(c => c.Method == DuplicateMethods.Sha256 && (c.ResourceId == id || c.OtherResourceId == id)).ToListAsync(ct);
        if (replacesCurrent)
            db.RemoveRange(recorded.Where(c => !others.Contains(c.ResourceId == id ? c.OtherResourceId : c.ResourceId)));
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var other in others.Where(o => !recorded.Any(c => c.ResourceId == o || c.OtherResourceId == o)))
            db.Add(new DuplicateCandidate { ResourceId = id, OtherResourceId = other, Method = DuplicateMethods.Sha256, Score = 1, FoundAt = now });
    }

    private async Task<AppError> RefusalAsync(Caller caller, List<Guid> others, CancellationToken ct)
    {
        var shown = await reader.Visible(caller).AsNoTracking().Where(r => others.Contains(r.Id))
            .OrderBy(r => r.CreatedAt).Select(r => new { r.Id, r.Title }).FirstOrDefaultAsync(ct);
        var message = shown is null
            ? "该文件与平台上已有资源重复，不予接收 (the file duplicates an existing resource)"
            : $"该文件与已有资源重复：《{shown.Title}》（{shown.Id}） (the file duplicates resource {shown.Id})";
        return new AppError(AppErrorKind.Conflict, message, "$value", "DuplicateFile");
    }
}
