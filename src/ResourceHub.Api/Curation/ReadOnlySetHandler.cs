using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.OData.UriParser;
using ResourceHub.Api.OData;
using ResourceHub.Domain.Access;

namespace ResourceHub.Api.Curation;

/// <summary>
/// GET-only entity set over records the caller may read (Reviews, History, Nominations); writes come
/// only from the bound actions, so the audit trail cannot be edited.
/// </summary>
public sealed class ReadOnlySetHandler<T>(
    EntityDefinition<T> definition,
    Func<Caller, IQueryable<T>> readable,
    Func<object, Expression<Func<T, bool>>> byKey,
    Func<IQueryable<T>, IQueryable<T>> order,
    ODataJsonWriter writer) : EntitySetHandlerBase
{
    public const int PageSize = 100;

    public override string SetName => definition.SetName;

    public override async Task GetCollectionAsync(HttpContext context, ODataUriParser parser)
    {
        var items = await order(readable(context.RequireCaller())).Take(PageSize).ToListAsync(context.RequestAborted);
        await writer.WriteCollectionAsync(context, definition, items);
    }

    public override async Task GetAsync(HttpContext context, object key, ODataUriParser parser)
    {
        var item = await readable(context.RequireCaller()).FirstOrDefaultAsync(byKey(key), context.RequestAborted)
                   ?? throw ODataProblem.NotFound($"{definition.SetName}({key}) 不存在 (not found)");
        await writer.WriteEntityAsync(context, definition, item);
    }
}
