using Microsoft.EntityFrameworkCore;
using ResourceHub.Application.Search;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Application.Resources;

/// <summary>
/// Creating, editing and deleting resources for a caller, whichever adapter asks (OData, web pages): who may,
/// which fields are valid (Chinese messages), and how an edit of a live item becomes a revision for review.
/// </summary>
public sealed class ResourceAuthoring(ResourceHubDbContext db, ResourceReader reader, ResourceValidator validator,
    RevisionEditor revisions, IndexNow indexNow, Curation.CurationStore curation)
{
    public async Task<Resource> CreateAsync(Caller caller, ResourceChanges changes, CancellationToken ct)
    {
        CheckCanCreate(caller);
        var now = DateTime.UtcNow;
        var resource = new Resource
        {
            Id = Guid.NewGuid(),
            OwnerOrg = caller.OrgCode,
            CreatedBy = caller.UserId,
            CreatedAt = now,
            UpdatedAt = now,
            Status = ResourceStatus.Draft,
        };
        changes.ApplyTo(resource);
        if (changes.OwnerOrg is { } org && org != resource.OwnerOrg)
            resource.OwnerOrg = OwnerOrgRule.Check(caller, org, creating: true);
        Validate(resource);
        db.Resources.Add(resource);
        await db.SaveChangesAsync(ct);
        return resource;
    }

    public static void CheckCanCreate(Caller caller)
    {
        if (!ResourcePermissions.CanCreate(caller))
            throw AppError.Forbidden($"角色 {caller.Role} 不能创建资源 (only vendors, teachers and admins create resources)");
    }

    /// <summary>The tracked item the caller may change: 404 when they cannot see it, 403 when it is another's.</summary>
    public async Task<Resource> FindModifiableAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var resource = await reader.FindVisibleAsync(caller, id, ct);
        if (!ResourcePermissions.CanModify(caller, resource))
            throw AppError.Forbidden("无权修改此资源：它属于其他机构或用户 (this resource belongs to another organisation or user)");
        return resource;
    }

    /// <summary>Starts an edit: checks who may and whether the item may change now (an item under review is 409).</summary>
    /// <param name="checkVersion">The adapter's precondition on the loaded item (e.g. If-Match), run before anything changes.</param>
    public async Task<ResourceEdit> BeginEditAsync(Caller caller, Guid id, Action<Resource>? checkVersion, CancellationToken ct)
    {
        var resource = await FindModifiableAsync(caller, id, ct);
        checkVersion?.Invoke(resource);
        return new ResourceEdit(caller, resource, await revisions.BeginAsync(resource, caller, ct));
    }

    /// <summary>Applies and saves the edit: in place for a draft or an item sent back, as a pending revision for a live one.</summary>
    public async Task<Resource> SaveEditAsync(ResourceEdit edit, ResourceChanges changes, CancellationToken ct)
    {
        var target = edit.Revision.Target;
        changes.ApplyTo(target);
        if (changes.OwnerOrg is { } org && org != target.OwnerOrg)
            target.OwnerOrg = OwnerOrgRule.Check(edit.Caller, org, creating: false);
        Validate(target);
        edit.Resource.UpdatedAt = DateTime.UtcNow;
        await edit.Revision.SaveAsync(() => SaveConcurrentAsync(ct), ct);
        return edit.Resource;
    }

    public async Task<Resource> UpdateAsync(Caller caller, Guid id, ResourceChanges changes, Action<Resource>? checkVersion, CancellationToken ct) =>
        await SaveEditAsync(await BeginEditAsync(caller, id, checkVersion, ct), changes, ct);

    /// <summary>Only work that never passed review is deleted; the rest is retired, so its history survives.</summary>
    public async Task DeleteAsync(Caller caller, Guid id, Action<Resource>? checkVersion, CancellationToken ct)
    {
        var resource = await FindModifiableAsync(caller, id, ct);
        checkVersion?.Invoke(resource);
        EditModes.CheckDeletable(resource.Status);
        await curation.ForgetAsync(resource.Id, ct);
        db.Resources.Remove(resource);
        await SaveConcurrentAsync(ct);
        await indexNow.ApplyAsync([resource.Id], ct);
    }

    /// <summary>Saves; a row changed by someone else meanwhile is a 412, as a stale If-Match would be.</summary>
    public async Task SaveConcurrentAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new AppError(AppErrorKind.PreconditionFailed, "已被他人修改，请刷新后重试 (the entity changed while this request ran)", "If-Match");
        }
    }

    private void Validate(Resource resource)
    {
        var errors = validator.Validate(resource);
        if (errors.Count > 0)
            throw AppError.Invalid(errors.Select(e => new AppErrorDetail("InvalidValue", e.Message, e.Field)).ToList());
    }
}

/// <summary>An edit in progress (see <see cref="ResourceAuthoring.BeginEditAsync"/>).</summary>
public sealed record ResourceEdit(Caller Caller, Resource Resource, RevisionEdit Revision);
