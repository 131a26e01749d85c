using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.OData.UriParser;

namespace ResourceHub.Api.OData;

/// <summary>
/// One endpoint for everything under /odata: ODL parses the path (entity set, key, $value, $count,
/// $metadata) and the request goes to that set's handler.
/// </summary>
public sealed class ODataRouter(ODataJsonWriter writer, IEnumerable<IEntitySetHandler> handlers, Batch.JsonBatchHandler batch)
{
    private readonly Dictionary<string, IEntitySetHandler> _handlers =
        handlers.ToDictionary(h => h.SetName, StringComparer.OrdinalIgnoreCase);

    public async Task HandleAsync(HttpContext context)
    {
        ProtocolHeaders.Apply(context);
        RequestLimits.Check(context.Request);
        if (context.Request.Path == ServiceRoot.Path)
        {
            // "/odata" without the slash is the service root too; ODL only accepts it with one.
            RequireGet(context);
            await writer.WriteServiceDocumentAsync(context);
            return;
        }
        var parser = CreateParser(context.Request);
        var segments = ParsePath(parser, context.Request);
        var method = context.Request.Method;
        // Only the service document and $metadata are anonymous. Checked here, once, before any handler reads a
        // body: an anonymous call is 401 whatever it sends, never a 400 about its parameters.
        if (segments is not ([] or [MetadataSegment]))
            context.RequireCaller();
        await Duplicates.MergedRedirect.ThrowIfMergedAsync(context, segments);

        switch (segments)
        {
            case []:
                RequireGet(context);
                await writer.WriteServiceDocumentAsync(context);
                return;
            case [BatchSegment]:
                await batch.HandleAsync(context);
                return;
            case [MetadataSegment]:
                RequireGet(context);
                await writer.WriteMetadataAsync(context);
                return;
            case [EntitySetSegment set]:
                var handler = Queried(context, Handler(set));
                await (method switch
                {
                    "GET" => handler.GetCollectionAsync(context, parser),
                    "POST" => handler.CreateAsync(context),
                    _ => throw ODataProblem.MethodNotAllowed(method, context.Request.Path),
                });
                return;
            case [EntitySetSegment set, CountSegment]:
                RequireGet(context);
                await Queried(context, Handler(set)).GetCountAsync(context, parser);
                return;
            case [EntitySetSegment set, KeySegment key]:
                handler = Queried(context, Handler(set));
                var id = KeyOf(key);
                await (method switch
                {
                    "GET" => handler.GetAsync(context, id, parser),
                    "PATCH" => handler.PatchAsync(context, id),
                    "DELETE" => handler.DeleteAsync(context, id),
                    _ => throw ODataProblem.MethodNotAllowed(method, context.Request.Path),
                });
                return;
            case [EntitySetSegment set, KeySegment key, ValueSegment]:
                handler = Handler(set);
                id = KeyOf(key);
                await (method switch
                {
                    "GET" or "HEAD" => handler.GetValueAsync(context, id),
                    "PUT" => handler.PutValueAsync(context, id),
                    _ => throw ODataProblem.MethodNotAllowed(method, context.Request.Path),
                });
                return;
            case [EntitySetSegment, KeySegment key, OperationSegment op]:
                QueryOptionGuard.RefuseAll(context.Request);
                await Operations(context, op.Operations.First().Name).InvokeAsync(context, KeyOf(key), op, parser);
                return;
            case [EntitySetSegment, OperationSegment op]:
                QueryOptionGuard.RefuseAll(context.Request);
                await Operations(context, op.Operations.First().Name).InvokeAsync(context, null, op, parser);
                return;
            case [EntitySetSegment set, KeySegment key, NavigationPropertySegment nav]:
                RequireGet(context);
                QueryOptionGuard.RefuseAll(context.Request);
                // Curation's navigations (Reviews, History, …) have their handler; the rest belong to the set.
                if (FindOperations(context, nav.NavigationProperty.Name) is { } operations)
                    await operations.GetNavigationAsync(context, KeyOf(key), nav, parser);
                else
                    await Handler(set).GetNavigationAsync(context, KeyOf(key), nav.NavigationProperty.Name);
                return;
            case [EntitySetSegment, KeySegment key, NavigationPropertySegment nav, ValueSegment]:
                RequireGet(context);
                var navigations = FindOperations(context, nav.NavigationProperty.Name)
                                  ?? throw ODataProblem.NotFound($"资源路径不存在 (no such resource path): {context.Request.Path}");
                await navigations.GetNavigationValueAsync(context, KeyOf(key), nav);
                return;
            default:
                throw ODataProblem.NotFound($"资源路径不存在 (no such resource path): {context.Request.Path}");
        }
    }

    public static ODataUriParser CreateParser(HttpRequest request) =>
        CreateParser(request.HttpContext.RequestServices.GetRequiredService<ODataJsonWriter>().Model, ServiceRoot.Of(request),
            new Uri(request.GetEncodedUrl()));

    /// <summary>The parser every request uses (tests and the bench too): OData 4.01 case-insensitive names and $-less options.</summary>
    public static ODataUriParser CreateParser(Microsoft.OData.Edm.IEdmModel model, Uri serviceRoot, Uri url) =>
        new(model, serviceRoot, QualifiedOperations.Unshadow(model, serviceRoot, url))
        {
            Resolver = new UnqualifiedODataUriResolver { EnableCaseInsensitive = true, EnableNoDollarQueryOptions = true },
        };

    /// <summary>A path ODL cannot resolve names nothing here: 404, not 400.</summary>
    private static List<ODataPathSegment> ParsePath(ODataUriParser parser, HttpRequest request)
    {
        try
        {
            return parser.ParsePath().ToList();
        }
        catch (ODataUnrecognizedPathException e)
        {
            throw ODataProblem.NotFound($"资源路径不存在 (no such resource path: {request.Path}; {e.Message})");
        }
    }

    private IEntitySetHandler Handler(EntitySetSegment set) =>
        _handlers.TryGetValue(set.EntitySet.Name, out var h)
            ? h
            : throw ODataProblem.NotFound($"实体集 {set.EntitySet.Name} 暂不可用 (entity set not served)");

    /// <summary>The handler, after refusing the query options it would not apply.</summary>
    private static IEntitySetHandler Queried(HttpContext context, IEntitySetHandler handler)
    {
        if (!handler.ReadsQueryOptions && HttpMethods.IsGet(context.Request.Method))
            QueryOptionGuard.RefuseAll(context.Request);
        return handler;
    }

    private static IOperationHandler Operations(HttpContext context, string name) =>
        FindOperations(context, name) ?? throw ODataProblem.NotFound($"操作 {name} 暂不可用 (operation not served)");

    private static IOperationHandler? FindOperations(HttpContext context, string name) =>
        context.RequestServices.GetServices<IOperationHandler>()
            .FirstOrDefault(h => h.Operations.Contains(name) || h.Navigations.Contains(name));

    private static object KeyOf(KeySegment key) => key.Keys.Single().Value;

    private static void RequireGet(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
            throw ODataProblem.MethodNotAllowed(context.Request.Method, context.Request.Path);
    }
}
