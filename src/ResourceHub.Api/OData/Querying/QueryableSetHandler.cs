using Microsoft.EntityFrameworkCore;
using Microsoft.OData;
using Microsoft.OData.UriParser;
using ResourceHub.Data.Querying;
using ResourceHub.Domain.Access;
using ResourceHub.Query.Model;
using ResourceHub.Query.OData;
using ResourceHub.Query.Paging;

namespace ResourceHub.Api.OData.Querying;

/// <summary>
/// Reads of an entity set through the query pipeline: OData text → ODL → query model (validated)
/// → EF Core, over <see cref="Readable"/> (the caller's authorization scope, ANDed into every
/// query, count and page). Subclasses add writes and $expand.
/// </summary>
public abstract class QueryableSetHandler<T>(ODataJsonWriter writer) : EntitySetHandlerBase where T : class
{
    protected abstract EntityDefinition<T> Definition { get; }

    public override string SetName => Definition.SetName;
    public override bool ReadsQueryOptions => true;

    /// <summary>What this caller may read; every query starts here.</summary>
    protected abstract IQueryable<T> Readable(Caller caller);

    /// <summary>The entry for each row with the expansions the query asked for.</summary>
    protected virtual Task<IReadOnlyList<ODataEntry>> EntriesAsync(HttpContext context, Caller caller, IReadOnlyList<T> rows, EntityQuery query) =>
        Task.FromResult<IReadOnlyList<ODataEntry>>(rows.Select(r => ODataJsonWriter.Entry(context.Request, Definition, r, query.Select, [])).ToList());

    /// <summary>What rows read for their entries load with them in the same query (e.g. a one-to-one row); not used for counts or groups.</summary>
    protected virtual IQueryable<T> WithEntryData(IQueryable<T> rows) => rows;

    /// <summary>Refuses a query this caller may not run (e.g. an expert querying by uploader); called for every read.</summary>
    protected virtual void CheckQuery(Caller caller, EntityQuery query)
    {
    }

    /// <summary>Refuses an $apply this caller may not run; called with <see cref="CheckQuery"/> for every $apply.</summary>
    protected virtual void CheckGroups(Caller caller, ApplyQuery apply)
    {
    }

    protected ODataJsonWriter Writer => writer;

    private EfQueryRenderer<T> Renderer => _renderer ??= new EfQueryRenderer<T>(Definition.FieldMap);
    private EfQueryRenderer<T>? _renderer;

    public override async Task GetCollectionAsync(HttpContext context, ODataUriParser parser)
    {
        var caller = context.RequireCaller();
        var query = Translate(context, parser);
        CheckQuery(caller, query);
        MediaTypes.RequireJson(context.Request);
        QueryBackend.RequireDatabase(context.Request, SetName);
        // Read-only: no change tracking for a page of rows that are only serialized.
        var filtered = Renderer.Filter(Readable(caller).AsNoTracking(), query.Filter);
        var ct = context.RequestAborted;
        long? count = query.Count ? await filtered.LongCountAsync(ct) : null;
        var page = PageRequest.For(context.Request, query);
        var rows = await WithEntryData(Renderer.Order(filtered, query)).Take(page.Size + 1).ToListAsync(ct);
        Uri? next = null;
        if (page.HasMore(rows.Count))
        {
            rows = rows.Take(page.Size).ToList();
            next = page.NextLink(context.Request, Token(rows[^1], query));
        }
        else if (rows.Count > page.Size)
            rows = rows.Take(page.Size).ToList();
        page.ApplyPreference(context.Response);
        var entries = await EntriesAsync(context, caller, rows, query);
        await writer.WriteEntriesAsync(context, SetName, entries, count, next, ContextUri(parser));
    }

    /// <summary>
    /// $apply over the caller's rows as one SQL GROUP BY: $filter and filter(...) narrow the rows, $orderby/$top/$skip
    /// then apply to the groups. Sets with $apply call this (see <see cref="QueryBackend"/>).
    /// </summary>
    protected Task GetGroupsAsync(HttpContext context, ODataUriParser parser) =>
        GetGroupsAsync(context, parser, (caller, _, _) => Task.FromResult(Readable(caller)));

    /// <summary>
    /// As above over <paramref name="rowsOf"/> (within the caller's readable rows), e.g. the matches of a search;
    /// <paramref name="groupedElsewhere"/>, when given, may answer the groups itself (null: it cannot, group the rows here).
    /// </summary>
    protected async Task GetGroupsAsync(HttpContext context, ODataUriParser parser,
        Func<Caller, EntityQuery, CancellationToken, Task<IQueryable<T>>> rowsOf,
        Func<Caller, EntityQuery, ApplyQuery, CancellationToken, Task<ApplyResult?>>? groupedElsewhere = null)
    {
        var caller = context.RequireCaller();
        var query = Translate(context, parser, except: ODataApplyTranslator.GroupOptions);
        var apply = ODataApplyTranslator.Translate(parser, Definition.Schema, RawQuery(context));
        CheckQuery(caller, query);
        CheckGroups(caller, apply);
        MediaTypes.RequireJson(context.Request);
        if (groupedElsewhere is not null && await groupedElsewhere(caller, query, apply, context.RequestAborted) is { } grouped)
        {
            await ApplyAnswer.WriteAsync(context, SetName, apply, grouped);
            return;
        }
        var source = await rowsOf(caller, query, context.RequestAborted);
        var rows = Renderer.Filter(Renderer.Filter(source.AsNoTracking(), query.Filter), apply.Filter);
        ApplyResult result;
        try
        {
            result = await new EfApplyRenderer<T>(Definition.FieldMap).RunAsync(rows, apply, QueryLimits.Default.MaxGroups, context.RequestAborted);
        }
        catch (NotSupportedException e)
        {
            throw ODataProblem.NotImplemented(e.Message, "$apply");
        }
        await ApplyAnswer.WriteAsync(context, SetName, apply, result);
    }

    public override async Task GetCountAsync(HttpContext context, ODataUriParser parser)
    {
        var caller = context.RequireCaller();
        var query = Translate(context, parser);
        CheckQuery(caller, query);
        QueryBackend.RequireDatabase(context.Request, SetName);
        var count = await Renderer.Filter(Readable(caller), query.Filter).LongCountAsync(context.RequestAborted);
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(count.ToString(System.Globalization.CultureInfo.InvariantCulture), context.RequestAborted);
    }

    public override async Task GetAsync(HttpContext context, object key, ODataUriParser parser)
    {
        var caller = context.RequireCaller();
        var query = Translate(context, parser);
        CheckQuery(caller, query);
        var entity = await FindReadableAsync(caller, key, context.RequestAborted);
        if (Definition.ETagOf(entity) is { } etag)
            context.Response.Headers.ETag = etag;
        var entries = await EntriesAsync(context, caller, [entity], query);
        await writer.WriteEntryAsync(context, SetName, entries[0], uri: ContextUri(parser));
    }

    /// <summary>201 with the entity (or 204 under Prefer: return=minimal), Location/OData-EntityId and ETag.</summary>
    protected async Task RespondCreatedAsync(HttpContext context, T entity)
    {
        var location = ServiceRoot.EntityUri(context.Request, SetName, Definition.KeyOf(entity)).ToString();
        context.Response.Headers.Location = location;
        context.Response.Headers["OData-EntityId"] = location;
        if (Definition.ETagOf(entity) is { } etag)
            context.Response.Headers.ETag = etag;
        if (Prefer.Minimal(context.Request))
        {
            context.Response.Headers["Preference-Applied"] = "return=minimal";
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }
        await writer.WriteEntityAsync(context, Definition, entity, StatusCodes.Status201Created);
    }

    /// <summary>Saves; a row changed by someone else meanwhile is a 412, as a stale If-Match would be.</summary>
    protected static async Task SaveConcurrentAsync(Microsoft.EntityFrameworkCore.DbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw ODataProblem.PreconditionFailed("已被他人修改，请刷新后重试 (the entity changed while this request ran)");
        }
    }

    protected async Task<T> FindReadableAsync(Caller caller, object key, CancellationToken ct)
    {
        var keyField = Definition.Schema.Find(Definition.KeyName)!;
        var byKey = new CompareNode(new FieldRef(keyField.Name, keyField.Type), CompareOperator.Eq, key);
        return await WithEntryData(Renderer.Filter(Readable(caller), byKey)).FirstOrDefaultAsync(ct)
               ?? throw ODataProblem.NotFound($"{SetName}({ServiceRoot.KeyLiteral(key)}) 不存在 (no such entity)");
    }

    /// <summary>The request's query options as our query model; <paramref name="except"/> names options another backend reads itself.</summary>
    protected EntityQuery Translate(HttpContext context, ODataUriParser parser, IReadOnlyCollection<string>? except = null) =>
        ODataQueryTranslator.Translate(parser, Definition.Schema,
            RawQuery(context).Where(q => except is null || !except.Contains(q.Key.TrimStart('$'), StringComparer.OrdinalIgnoreCase)));

    protected static IEnumerable<KeyValuePair<string, string?>> RawQuery(HttpContext context) =>
        context.Request.Query.SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)));

    private string Token(T last, EntityQuery query)
    {
        var order = KeysetToken.EffectiveOrder(Definition.Schema, query.OrderBy);
        var values = order.Select(o => Definition.Fields.First(f => f.Name == o.Field).Get(last)).ToList();
        return KeysetToken.Encode(order, values);
    }

    /// <summary>What @odata.context describes: the path and the $select/$expand shape.</summary>
    private static ODataUri ContextUri(ODataUriParser parser) =>
        new() { Path = parser.ParsePath(), SelectAndExpand = parser.ParseSelectAndExpand() };
}
