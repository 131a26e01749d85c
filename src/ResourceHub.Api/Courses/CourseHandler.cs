using Microsoft.EntityFrameworkCore;
using ResourceHub.Api.OData;
using ResourceHub.Api.OData.Querying;
using ResourceHub.Api.Resources;
using ResourceHub.Application.Resources;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Courses;
using ResourceHub.Domain.Resources;
using ResourceHub.Domain.Taxonomy;
using ResourceHub.Query.Model;

namespace ResourceHub.Api.Courses;

/// <summary>
/// Courses: read by every authenticated caller; created and changed by admins, vendors (their
/// organisation's) and workshop hosts (their own). Items must name resources the caller can see,
/// and expanded items only show resources the reader can see.
/// </summary>
public sealed class CourseHandler(ResourceHubDbContext db, ODataJsonWriter writer, TaxonomyCatalog taxonomy, ResourceReader reader)
    : QueryableSetHandler<Course>(writer)
{
    protected override EntityDefinition<Course> Definition => CourseDefinition.Instance;

    protected override IQueryable<Course> Readable(Caller caller) => db.Courses;

    protected override async Task<IReadOnlyList<ODataEntry>> EntriesAsync(HttpContext context, Caller caller, IReadOnlyList<Course> rows,
        EntityQuery query)
    {
        var itemsExpand = query.Expand.FirstOrDefault(e => e.Navigation == "Items");
        if (itemsExpand is null)
            return rows.Select(c => ODataJsonWriter.Entry(context.Request, Definition, c, query.Select, [])).ToList();
        var ct = context.RequestAborted;
        var ids = rows.Select(c => c.Id).ToList();
        var items = await db.Set<CourseItem>().AsNoTracking().Where(i => ids.Contains(i.CourseId)).OrderBy(i => i.Position).ToListAsync(ct);
        var resourceIds = items.Select(i => i.ResourceId).Distinct().ToList();
        // Authorization reaches into the expansion: items whose resource the reader cannot see are left out.
        var found = await reader.Visible(caller).AsNoTracking().Where(r => resourceIds.Contains(r.Id)).ToListAsync(ct);
        var visible = (await reader.MaskAsync(caller, found, ct)).ToDictionary(r => r.Id); // blind review, as on every read
        var resourceExpand = itemsExpand.Expand.FirstOrDefault(e => e.Navigation == "Resource");
        var byCourse = items.Where(i => visible.ContainsKey(i.ResourceId)).ToLookup(i => i.CourseId);
        var resourceEntries = resourceExpand is null
            ? new Dictionary<Guid, ODataEntry>()
            : (await ResourceEntries.BuildAsync(db, context.Request, visible.Values.ToList(), resourceExpand.Select, resourceExpand.Expand, ct))
                .Zip(visible.Values).ToDictionary(p => p.Second.Id, p => p.First);
        return rows.Select(c => ODataJsonWriter.Entry(context.Request, Definition, c, query.Select,
        [
            new ODataExpansion("Items", true, byCourse[c.Id].Select(i => ODataJsonWriter.Entry(context.Request, CourseItemDefinition.Instance, i,
                itemsExpand.Select,
                resourceExpand is null ? [] : [new ODataExpansion("Resource", false, [resourceEntries[i.ResourceId]])])).ToList()),
        ])).ToList();
    }

    public override async Task CreateAsync(HttpContext context)
    {
        var caller = context.RequireCaller();
        if (!CoursePermissions.CanCreate(caller))
            throw ODataProblem.Forbidden($"角色 {caller.Role} 不能创建课程 (only admins, vendors and workshop hosts create courses)");
        var body = await RequestBody.ReadAsync(context.Request, CourseInput.Writable, CourseInput.Computed);
        var now = DateTime.UtcNow;
        var course = new Course { Id = Guid.NewGuid(), OwnerOrg = caller.OrgCode, CreatedBy = caller.UserId, CreatedAt = now, UpdatedAt = now };
        var items = CourseInput.Apply(body, course, caller, taxonomy, creating: true);
        await SetItemsAsync(course, items ?? [], caller, context.RequestAborted);
        db.Courses.Add(course);
        await db.SaveChangesAsync(context.RequestAborted);
        await RespondCreatedAsync(context, course);
    }

    public override async Task PatchAsync(HttpContext context, object key)
    {
        var (caller, course) = await FindModifiableAsync(context, key);
        var body = await RequestBody.ReadAsync(context.Request, CourseInput.Writable, CourseInput.Computed);
        var items = CourseInput.Apply(body, course, caller, taxonomy, creating: false);
        if (items is not null)
        {
            db.Set<CourseItem>().RemoveRange(await db.Set<CourseItem>().Where(i => i.CourseId == course.Id).ToListAsync(context.RequestAborted));
            // Old rows go first so the (CourseId, Position) index never sees two items at one position.
            await db.SaveChangesAsync(context.RequestAborted);
            await SetItemsAsync(course, items, caller, context.RequestAborted);
        }
        course.UpdatedAt = DateTime.UtcNow;
        db.Entry(course).Property(c => c.UpdatedAt).IsModified = true;
        await SaveAsync(context);
        context.Response.Headers.ETag = Definition.ETagOf(course);
        if (Prefer.Representation(context.Request))
        {
            context.Response.Headers["Preference-Applied"] = "return=representation";
            await Writer.WriteEntityAsync(context, Definition, course);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    public override async Task DeleteAsync(HttpContext context, object key)
    {
        var (_, course) = await FindModifiableAsync(context, key);
        db.Courses.Remove(course);
        await SaveAsync(context);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private async Task<(Caller, Course)> FindModifiableAsync(HttpContext context, object key)
    {
        var caller = context.RequireCaller();
        var id = (Guid)key;
        var course = await db.Courses.FirstOrDefaultAsync(c => c.Id == id, context.RequestAborted)
                     ?? throw ODataProblem.NotFound($"课程 {id} 不存在 (no course with this id)");
        if (!CoursePermissions.CanModify(caller, course))
            throw ODataProblem.Forbidden("无权修改此课程 (this course belongs to another organisation or user)");
        Preconditions.CheckIfMatch(context.Request, Definition.ETagOf(course)!);
        return (caller, course);
    }

    /// <summary>Every item must name an existing resource the caller can see; all offenders are reported at once.</summary>
    private async Task SetItemsAsync(Course course, List<Guid> resourceIds, Caller caller, CancellationToken ct)
    {
        var visible = await db.Resources.Where(VisibilityScope.For(caller).ToExpression())
            .Where(r => resourceIds.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct);
        var errors = resourceIds.Select((id, i) => (id, i)).Where(p => !visible.Contains(p.id))
            .Select(p => new ODataErrorDetail("UnknownResource", $"资源 {p.id} 不存在或不可见 (no visible resource with this id)", $"Items[{p.i}]/ResourceId"))
            .ToList();
        RequestBody.ThrowIfAny(errors);
        course.Items = resourceIds.Select((id, i) => new CourseItem { Id = Guid.NewGuid(), CourseId = course.Id, Position = i, ResourceId = id }).ToList();
        if (db.Entry(course).State != EntityState.Detached)
            db.Set<CourseItem>().AddRange(course.Items);
    }

    private Task SaveAsync(HttpContext context) => SaveConcurrentAsync(db, context.RequestAborted);
}
