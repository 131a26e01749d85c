using Microsoft.EntityFrameworkCore;
using ResourceHub.Application.Curation;
using ResourceHub.Application.Resources;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Duplicates;

namespace ResourceHub.Application.Duplicates;

/// <summary>
/// One resource this item may duplicate, as a caller is shown it: reviewers (experts, admins) always see which
/// one; anyone else only when they may see that resource, otherwise just that there is one. <see cref="OtherOrg"/> is
/// null wherever a blind review round would let it name an uploader; <see cref="OtherVisible"/> says the caller may open it.
/// </summary>
public sealed record DuplicateMatch(long Id, Guid ResourceId, Guid? OtherResourceId, string? OtherTitle, string Method, double Score, DateTime FoundAt,
    string? OtherOrg = null, bool OtherVisible = false, DateTime? ResolvedAt = null)
{
    public const string Hidden = "与平台上已有资源重复";

    public string MethodName => DuplicateMethods.NameOf(Method);
    public string Note => OtherResourceId is null ? Hidden : $"与《{OtherTitle}》{MethodName}";
}

/// <summary>The "可能重复" findings of items, for the review desk, the API and the uploader.</summary>
public sealed class DuplicateMatches(ResourceHubDbContext db, ResourceReader reader, ReviewerView reviewers)
{
    public static bool SeesAll(Caller caller) => caller.IsAdmin || caller.Is(Roles.Expert);

    /// <summary>The findings about one item the caller may see (404 otherwise), best score first.</summary>
    public async Task<List<DuplicateMatch>> OfAsync(Caller caller, Guid id, CancellationToken ct)
    {
        await reader.ShowAsync(caller, id, ct);
        return (await ForAsync(caller, [id], ct)).GetValueOrDefault(id) ?? [];
    }

    /// <summary>The newest findings about items the caller may see (the API's Duplicates set).</summary>
    public async Task<List<DuplicateMatch>> RecentAsync(Caller caller, int take, CancellationToken ct)
    {
        var visible = reader.Visible(caller).Select(r => r.Id);
        var rows = await db.Set<DuplicateCandidate>().AsNoTracking().Where(c => visible.Contains(c.ResourceId))
            .OrderByDescending(c => c.FoundAt).ThenByDescending(c => c.Id).Take(take).Select(c => new { c.Id, c.ResourceId }).ToListAsync(ct);
        var shown = await ForAsync(caller, rows.Select(r => r.ResourceId).Distinct().ToList(), ct);
        return rows.Select(r => shown[r.ResourceId].First(m => m.Id == r.Id)).ToList();
    }

    /// <summary>One finding, when it is about an item the caller may see.</summary>
    public async Task<DuplicateMatch?> FindAsync(Caller caller, long id, CancellationToken ct)
    {
        var visible = reader.Visible(caller).Select(r => r.Id);
        var row = await db.Set<DuplicateCandidate>().AsNoTracking()
            .Where(c => c.Id == id && visible.Contains(c.ResourceId)).Select(c => new { c.ResourceId }).FirstOrDefaultAsync(ct);
        return row is null ? null : (await ForAsync(caller, [row.ResourceId], ct))[row.ResourceId].First(m => m.Id == id);
    }

    /// <summary>The findings about each of these items (already checked visible), keyed by item.</summary>
    public async Task<Dictionary<Guid, List<DuplicateMatch>>> ForAsync(Caller caller, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var rows = await db.Set<DuplicateCandidate>().AsNoTracking()
            .Where(c => ids.Contains(c.ResourceId) || ids.Contains(c.OtherResourceId)).ToListAsync(ct);
        var otherIds = rows.SelectMany(c => new[] { c.ResourceId, c.OtherResourceId }).Distinct().ToList();
        var others = await (SeesAll(caller) ? db.Resources : reader.Visible(caller)).AsNoTracking()
            .Where(r => otherIds.Contains(r.Id)).Select(r => new { r.Id, r.Title, r.OwnerOrg, r.CreatedBy }).ToDictionaryAsync(r => r.Id, ct);
        var visible = SeesAll(caller)
            ? await reader.Visible(caller).Where(r => otherIds.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct)
            : others.Keys.ToList();
        // Blind rounds (experts only): an item under one names no organisation, and an item's twin does not give its organisation away.
        var rounds = caller.Is(Roles.Expert) ? await reviewers.OpenRoundsAsync(otherIds, ct) : [];
        bool Blind(Guid id) => rounds.GetValueOrDefault(id)?.Blind == true && others.GetValueOrDefault(id)?.CreatedBy != caller.UserId;
        var result = new Dictionary<Guid, List<DuplicateMatch>>();
        foreach (var id in ids)
        {
            var ownOrg = others.GetValueOrDefault(id)?.OwnerOrg;
            var matches = rows.Where(c => c.ResourceId == id || c.OtherResourceId == id)
                .Select(c =>
                {
                    var other = c.ResourceId == id ? c.OtherResourceId : c.ResourceId;
                    var shown = others.GetValueOrDefault(other);
                    var org = shown is null || Blind(other) || (Blind(id) && shown.OwnerOrg == ownOrg) || shown.OwnerOrg.Length == 0 ? null : shown.OwnerOrg;
                    return new DuplicateMatch(c.Id, id, shown is null ? null : other, shown?.Title, c.Method, c.Score, c.FoundAt, org, visible.Contains(other), c.ResolvedAt);
                })
                .OrderByDescending(m => m.Score).ThenBy(m => m.FoundAt).ToList();
            if (matches.Count > 0)
                result[id] = matches;
        }
        return result;
    }
}
