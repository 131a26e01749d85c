using ResourceHub.Application.Resources;
using ResourceHub.Application.Search;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Application.Curation;

/// <summary>
/// Runs one curation action on one item (a resource or a package) for a caller: loads the item they can see, lets
/// <see cref="CurationWorkflow"/> decide (authorization and rules live there), and saves against the
/// version the caller acted on.
/// </summary>
public sealed class CurationRunner(ResourceReader resources, CurationStore store, ResourceHubDbContext db, IndexNow indexNow)
{
    /// <summary>Concurrent ratings of one item only touch its totals, so a lost race is simply retried.</summary>
    private const int RateAttempts = 3;

    /// <param name="checkVersion">The adapter's precondition on the loaded item (e.g. If-Match), run before anything changes.</param>
    public async Task<Resource> ActAsync(Caller caller, Guid id, Action<Resource>? checkVersion, Func<CurationStep, Task> run, CancellationToken ct)
    {
        var resource = await resources.FindVisibleAsync(caller, id, ct);
        checkVersion?.Invoke(resource);
        await ActOnAsync(caller, resource, run, ct);
        return resource;
    }

    /// <summary>Runs one step on a resource or package the caller can see, loaded and tracked by the use case.</summary>
    public async Task ActOnAsync(Caller caller, ICurated curated, Func<CurationStep, Task> run, CancellationToken ct)
    {
        var loaded = store.LoadedVersion(curated);
        var seenBy = (curated.Status, curated.OwnerOrg);
        var item = await store.LoadAsync(curated, ct);
        var actor = await store.ActorAsync(caller, ct);
        try
        {
            await run(new CurationStep(store, actor, item, DateTime.UtcNow, ct));
        }
        catch (CurationError e) when (e.Kind == CurationErrorKind.Conflict)
        {
            await store.ThrowIfChangedAsync(curated, loaded, ct);
            throw;
        }
        await store.SaveAsync(item, ct);
        if (curated is Resource && (curated.Status, curated.OwnerOrg) != seenBy)
            await indexNow.ApplyAsync([curated.Id], ct); // who may see it changed: counts and suggestions must agree at once
    }

    /// <summary>A teacher's 1–5 stars (again to change them).</summary>
    /// <param name="pinned">The caller named the version it rated (If-Match): a lost race is then theirs to see, not retried.</param>
    public async Task<Resource> RateAsync(Caller caller, Guid id, int stars, Action<Resource>? checkVersion, bool pinned, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ActAsync(caller, id, checkVersion, s => s.RateAsync(stars), ct);
            }
            catch (AppError e) when (e.Kind == AppErrorKind.PreconditionFailed && attempt < RateAttempts && !pinned)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
