using ResourceHub.Application.Curation;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Application.Resources;

/// <summary>
/// Routes a PATCH of a resource: drafts and items sent back are edited in place; a live item's core
/// metadata goes to its pending revision so the reviewed version stays visible until the revision passes.
/// </summary>
public sealed class RevisionEditor(CurationStore store)
{
    public async Task<RevisionEdit> BeginAsync(Resource resource, Caller caller, CancellationToken ct)
    {
        var item = await store.LoadAsync(resource, ct);
        var mode = EditModes.Of(resource, item.Revision);
        if (mode == EditMode.Locked)
            throw EditModes.Locked(item.ReviewStatus);
        var target = mode == EditMode.Revision ? ResourceRevision.Preview(resource, item.Revision) : resource;
        return new RevisionEdit(store, item, target, new CurationWorkflow(new Actor(caller, null), DateTime.UtcNow));
    }
}

/// <summary>One edit in progress: apply the payload to <see cref="Target"/>, validate it, then <see cref="SaveAsync"/>.</summary>
public sealed class RevisionEdit(CurationStore store, CurationItem item, Resource target, CurationWorkflow flow)
{
    public Resource Target { get; } = target;

    /// <summary>
    /// Saves the edit: in place through <paramref name="saveInPlace"/>; as a revision through the curation
    /// store, so two edits racing to start the revision end in one save and a 412, not a duplicate key.
    /// </summary>
    public async Task SaveAsync(Func<Task> saveInPlace, CancellationToken ct)
    {
        if (ReferenceEquals(Target, item.Resource))
        {
            await saveInPlace();
            return;
        }
        item.Resource.OwnerOrg = Target.OwnerOrg; // not reviewed content: an admin's reassignment applies at once
        if (flow.Revise(item, Target))
            await store.SaveAsync(item, ct);
        else
            await saveInPlace();
    }
}
