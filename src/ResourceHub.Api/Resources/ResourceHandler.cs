using Microsoft.EntityFrameworkCore;
using Microsoft.OData.UriParser;
using ResourceHub.Api.Media;
using ResourceHub.Api.OData;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Api.Resources;

/// <summary>Create, read, update and delete of Resources; the file itself is <see cref="ResourceFileHandler"/>'s.</summary>
public sealed class ResourceHandler(ResourceHubDbContext db, ODataJsonWriter writer, ResourceValidator validator) : EntitySetHandlerBase
{
    private const int DefaultPageSize = 50;

    public override string SetName => ResourceDefinition.Instance.SetName;

    public override async Task GetCollectionAsync(HttpContext context, ODataUriParser parser)
    {
        var caller = context.RequireCaller();
        var items = await Visible(caller).OrderBy(r => r.Id).Take(DefaultPageSize).ToListAsync(context.RequestAborted);
        await writer.WriteCollectionAsync(context, ResourceDefinition.Instance, items);
    }

    public override async Task GetAsync(HttpContext context, object key, ODataUriParser parser)
    {
        var resource = await FindVisibleAsync(context, key);
        SetETag(context, resource);
        await writer.WriteEntityAsync(context, ResourceDefinition.Instance, resource);
    }

    public override async Task CreateAsync(HttpContext context)
    {
        var caller = context.RequireCaller();
        if (!ResourcePermissions.CanCreate(caller))
            throw ODataProblem.Forbidden($"角色 {caller.Role} 不能创建资源 (only vendors, teachers and admins create resources)");
        var body = await RequestBody.ReadAsync(context.Request, ResourceInput.Writable, ResourceInput.Computed);
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
        ResourceInput.Apply(body, resource, caller);
        Validate(resource);
        db.Resources.Add(resource);
        await db.SaveChangesAsync(context.RequestAborted);

        var location = ServiceRoot.EntityUri(context.Request, SetName, resource.Id);
        context.Response.Headers.Location = location.ToString();
        context.Response.Headers["OData-EntityId"] = location.ToString();
        SetETag(context, resource);
        if (PreferMinimal(context))
        {
            context.Response.Headers["Preference-Applied"] = "return=minimal";
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }
        await writer.WriteEntityAsync(context, ResourceDefinition.Instance, resource, StatusCodes.Status201Created);
    }

    public override async Task PatchAsync(HttpContext context, object key)
    {
        var caller = context.RequireCaller();
        var resource = await FindModifiableAsync(context, key, caller);
        Preconditions.CheckIfMatch(context.Request, resource.ETag);
        var body = await RequestBody.ReadAsync(context.Request, ResourceInput.Writable, ResourceInput.Computed);
        ResourceInput.Apply(body, resource, caller);
        Validate(resource);
        resource.UpdatedAt = DateTime.UtcNow;
        await SaveConcurrentAsync(context);
        SetETag(context, resource);
        if (PreferRepresentation(context))
        {
            context.Response.Headers["Preference-Applied"] = "return=representation";
            await writer.WriteEntityAsync(context, ResourceDefinition.Instance, resource);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    public override async Task DeleteAsync(HttpContext context, object key)
    {
        var caller = context.RequireCaller();
        var resource = await FindModifiableAsync(context, key, caller);
        Preconditions.CheckIfMatch(context.Request, resource.ETag);
        db.Resources.Remove(resource);
        await SaveConcurrentAsync(context);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    public override Task GetValueAsync(HttpContext context, object key) =>
        context.RequestServices.GetRequiredService<ResourceFileHandler>().GetAsync(context, key);

    public override Task PutValueAsync(HttpContext context, object key) =>
        context.RequestServices.GetRequiredService<ResourceFileHandler>().PutAsync(context, key);

    /// <summary>Resources({id})/Renditions and Resources({id})/Jobs; 404 when the resource is not visible.</summary>
    public override async Task GetNavigationAsync(HttpContext context, object key, string navigation)
    {
        var resource = await FindVisibleAsync(context, key);
        var services = context.RequestServices;
        await (navigation switch
        {
            "Renditions" => services.GetRequiredService<RenditionHandler>().GetForResourceAsync(context, resource.Id),
            "Jobs" => services.GetRequiredService<MediaJobHandler>().GetForResourceAsync(context, resource.Id),
            _ => throw ODataProblem.NotFound($"资源路径不存在 (no such navigation): {navigation}"),
        });
    }

    internal IQueryable<Resource> Visible(Caller caller) =>
        db.Resources.Where(VisibilityScope.For(caller).ToExpression());

    internal async Task<Resource> FindVisibleAsync(HttpContext context, object key)
    {
        var caller = context.RequireCaller();
        var id = (Guid)key;
        return await Visible(caller).FirstOrDefaultAsync(r => r.Id == id, context.RequestAborted)
               ?? throw ODataProblem.NotFound($"资源 {id} 不存在 (no resource with this id)");
    }

    internal async Task<Resource> FindModifiableAsync(HttpContext context, object key, Caller caller)
    {
        var resource = await FindVisibleAsync(context, key);
        if (!ResourcePermissions.CanModify(caller, resource))
            throw ODataProblem.Forbidden("无权修改此资源：它属于其他机构或用户 (this resource belongs to another organisation or user)");
        return resource;
    }

    internal async Task SaveConcurrentAsync(HttpContext context)
    {
        try
        {
            await db.SaveChangesAsync(context.RequestAborted);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw ODataProblem.PreconditionFailed("资源已被他人修改，请刷新后重试 (the resource changed while this request ran)");
        }
    }

    private void Validate(Resource resource)
    {
        var errors = validator.Validate(resource);
        if (errors.Count > 0)
            throw ODataProblem.BadRequest(errors[0].Message, errors[0].Field,
                errors.Select(e => new ODataErrorDetail("InvalidValue", e.Message, e.Field)).ToList());
    }

    internal static void SetETag(HttpContext context, Resource resource) => context.Response.Headers.ETag = resource.ETag;

    private static bool PreferMinimal(HttpContext context) =>
        context.Request.Headers["Prefer"].ToString().Contains("return=minimal", StringComparison.OrdinalIgnoreCase);

    private static bool PreferRepresentation(HttpContext context) =>
        context.Request.Headers["Prefer"].ToString().Contains("return=representation", StringComparison.OrdinalIgnoreCase);
}
