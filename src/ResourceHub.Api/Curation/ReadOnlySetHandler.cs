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
    ODataJsonWriter writer,
    Func<Caller, List<T>, CancellationToken, Task<List<T>>>? shown = null) : EntitySetHandlerBase
{
    /// <summary>The rows as the caller may see them: what the query found, less or masked where a rule needs the rows themselves.</summary>
    private Task<List<T>> ShownAsync(Caller caller, List<T> rows, CancellationToken ct) =>
        shown is null ? Task.FromResult(rows) : shown(caller, rows, ct);

    public const int PageSize = 100;

    public override string SetName => definition.SetName;

    public override async Task GetCollectionAsync(HttpContext context, ODataUriParser parser)
    {
        var caller = context.RequireCaller();
        var items = await order(readable(caller)).Take(PageSize).ToListAsync(context.RequestAborted);
        await writer.WriteCollectionAsync(context, definition, await ShownAsync(caller, items, context.RequestAborted));
    }

    public override async Task GetAsync(HttpContext context, object key, ODataUriParser parser)
    {
        var caller = context.RequireCaller();
        var found = await readable(caller).FirstOrDefaultAsync(byKey(key), context.RequestAborted);
        var item = (found is null ? [] : await ShownAsync(caller, [found], context.RequestAborted)).FirstOrDefault()
                   ?? throw ODataProblem.NotFound($"{definition.SetName}({key}) 不存在 (not found)");
        await writer.WriteEntityAsync(context, definition, item);
    }
}
