using System.Text.Json;
using ResourceHub.Api.OData;
using ResourceHub.Api.OData.Querying;
using ResourceHub.Api.Resources;
using ResourceHub.Application.Packages;
using ResourceHub.Application.Resources;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Packages;
using ResourceHub.Query.Model;
using Microsoft.EntityFrameworkCore;

namespace ResourceHub.Api.Packages;

/// <summary>
/// BasketItems: the caller's own 备课篮 only. POST {"ResourceId"} adds (again: the same line), DELETE
/// BasketItems(id) removes; $expand=Resource($select=Title,Size) gives what a list and its total size need.
/// </summary>
public sealed class BasketItemHandler(ResourceHubDbContext db, ODataJsonWriter writer, Baskets baskets, ResourceReader reader)
    : QueryableSetHandler<BasketItem>(writer)
{
    private static readonly IReadOnlySet<string> Writable = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "ResourceId" };
    private static readonly IReadOnlySet<string> Computed = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "AddedAt" };

    protected override EntityDefinition<BasketItem> Definition => BasketItemDefinition.Instance;

    protected override IQueryable<BasketItem> Readable(Caller caller) => baskets.Lines(caller);

    protected override async Task<IReadOnlyList<ODataEntry>> EntriesAsync(HttpContext context, Caller caller, IReadOnlyList<BasketItem> rows,
        EntityQuery query)
    {
        var expand = query.Expand.FirstOrDefault(e => e.Navigation == "Resource");
        if (expand is null)
            return rows.Select(b => ODataJsonWriter.Entry(context.Request, Definition, b, query.Select, [])).ToList();
        var ids = rows.Select(b => b.ResourceId).ToList();
        var found = await reader.Visible(caller).AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(context.RequestAborted);
        var shown = await reader.MaskAsync(caller, found, context.RequestAborted);
        var entries = (await ResourceEntries.BuildAsync(db, context.Request, shown, expand.Select, expand.Expand, context.RequestAborted))
            .Zip(shown).ToDictionary(p => p.Second.Id, p => p.First);
        return rows.Select(b => ODataJsonWriter.Entry(context.Request, Definition, b, query.Select,
            entries.TryGetValue(b.ResourceId, out var entry) ? [new ODataExpansion("Resource", false, [entry])] : [])).ToList();
    }

    public override async Task CreateAsync(HttpContext context)
    {
        var body = await RequestBody.ReadAsync(context.Request, Writable, Computed);
        var errors = new List<ODataErrorDetail>();
        var text = body.String("ResourceId", errors);
        if (!Guid.TryParse(text, out var id))
            errors.Add(new("InvalidValue", "ResourceId 须为资源编号 (ResourceId must be a resource id)", "ResourceId"));
        RequestBody.ThrowIfAny(errors);
        var item = await baskets.AddAsync(context.RequireCaller(), id, context.RequestAborted);
        await RespondCreatedAsync(context, item);
    }

    public override async Task DeleteAsync(HttpContext context, object key)
    {
        await baskets.RemoveAsync(context.RequireCaller(), (Guid)key, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
