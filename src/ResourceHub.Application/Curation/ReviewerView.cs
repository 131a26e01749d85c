using ResourceHub.Domain.Packages;
using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Application.Curation;

/// <summary>
/// What a reviewer is shown of an item: the version under review, and under a blind rubric nothing that names
/// the uploader or their organisation (see <see cref="Hide"/>) wherever an expert reads it — the queue, Resources
/// itself, search pages, course expansions, the web pages and the file's download name.
/// </summary>
public sealed class ReviewerView(ResourceHubDbContext db)
{
    public const string Hidden = "";

    public static Resource Of(Resource live, ResourceRevision? revision, bool blind)
    {
        var view = ResourceRevision.Preview(live, revision);
        if (revision is not null)
            view.Status = revision.Status;
        if (blind)
            Hide(view);
        return view;
    }

    /// <summary>
    /// Blanks every field that names the uploader or their organisation (<see cref="UploaderPrivacy.Fields"/>): who,
    /// which organisation, the training project and workshop it came from, the uploaded file's name (also the
    /// download's name: <see cref="HiddenFileName"/> keeps only the extension). <paramref name="view"/> is a copy.
    /// </summary>
    private static void Hide(Resource view)
    {
        view.CreatedBy = Hidden;
        view.OwnerOrg = Hidden;
        view.TrainingProject = null;
        view.Workshop = null;
        if (view.File is { } file)
        {
            view.File = new ResourceFile
            {
                FileName = HiddenFileName(file.FileName), ContentType = file.ContentType, Size = file.Size, Sha256 = file.Sha256,
                BlobKey = file.BlobKey, UploadedAt = file.UploadedAt,
            };
        }
    }

    /// <summary>"匿名评审.pdf": the extension says what kind of file it is, nothing says whose.</summary>
    public static string HiddenFileName(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        return "匿名评审" + (extension.Length is > 1 and <= 10 && extension[1..].All(char.IsAsciiLetterOrDigit) ? extension.ToLowerInvariant() : "");
    }

    /// <summary>History as this caller may read it (<see cref="ReviewSecrecy"/>): for an expert, open rounds keep their secrets.</summary>
    public async Task<List<CurationEvent>> HistoryAsync(Caller caller, List<CurationEvent> events, CancellationToken ct)
    {
        if (!caller.Is(Roles.Expert) || events.Count == 0)
            return events;
        var rounds = await OpenRoundsAsync(events.Select(e => e.ResourceId).Distinct().ToList(), ct);
        return events.Select(e => ReviewSecrecy.Show(caller, e, rounds.GetValueOrDefault(e.ResourceId))).OfType<CurationEvent>().ToList();
    }

    /// <summary>The rounds still open among these items: the pending revision's status decides where there is one.</summary>
    public async Task<Dictionary<Guid, OpenRound>> OpenRoundsAsync(List<Guid> ids, CancellationToken ct)
    {
        var cases = await db.Set<ReviewCase>().AsNoTracking().Where(c => ids.Contains(c.ResourceId)).ToListAsync(ct);
        if (cases.Count == 0)
            return [];
        var live = await db.Resources.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.Status })
            .ToDictionaryAsync(r => r.Id, r => r.Status, ct);
        foreach (var package in await db.Set<Domain.Packages.Package>().AsNoTracking().Where(p => ids.Contains(p.Id))
                     .Select(p => new { p.Id, p.Status }).ToListAsync(ct))
            live[package.Id] = package.Status; // packages keep their rounds in the same table
        var revisions = await db.Set<ResourceRevision>().AsNoTracking().Where(v => ids.Contains(v.ResourceId))
            .Select(v => new { v.ResourceId, v.Status }).ToDictionaryAsync(v => v.ResourceId, v => v.Status, ct);
        return cases
            .Where(c => VisibilityScope.UnderReview.Contains(revisions.GetValueOrDefault(c.ResourceId) ?? live.GetValueOrDefault(c.ResourceId) ?? ""))
            .ToDictionary(c => c.ResourceId, c => new OpenRound(c.OpenedAt, c.Blind));
    }

    /// <summary>The items as this caller may see them: masked copies for an expert where a blind round is open.</summary>
    public async Task<List<Resource>> MaskAsync(Caller caller, List<Resource> items, CancellationToken ct)
    {
        var blind = await BlindAsync(caller, items.Select(r => (r.Id, r.Status, r.CreatedBy)), ct);
        return items.Select(r => blind.Contains(r.Id) ? Of(r, null, blind: true) : r).ToList();
    }

    /// <summary>Packages as this caller may see them: under an open blind round an expert learns nothing of who made one.</summary>
    public async Task<List<Package>> MaskAsync(Caller caller, List<Package> items, CancellationToken ct)
    {
        var blind = await BlindAsync(caller, items.Select(p => (p.Id, p.Status, p.CreatedBy)), ct);
        return items.Select(p => blind.Contains(p.Id) ? p.WithoutMaker() : p).ToList();
    }

    /// <summary>The items an expert reviews blind right now (under review, not their own, the round's rubric blind).</summary>
    private async Task<HashSet<Guid>> BlindAsync(Caller caller, IEnumerable<(Guid Id, string Status, string CreatedBy)> items, CancellationToken ct)
    {
        if (!caller.Is(Roles.Expert))
            return [];
        var underReview = items.Where(i => VisibilityScope.UnderReview.Contains(i.Status) && i.CreatedBy != caller.UserId)
            .Select(i => i.Id).ToList();
        if (underReview.Count == 0)
            return [];
        return (await db.Set<ReviewCase>().Where(c => underReview.Contains(c.ResourceId) && c.Blind)
            .Select(c => c.ResourceId).ToListAsync(ct)).ToHashSet();
    }
}
