using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.OData.UriParser;

namespace ResourceHub.Api.OData;

/// <summary>
/// One endpoint for everything under /odata: ODL parses the path (entity set, key, $value, $count,
/// $metadata) and the request goes to that set's handler.
/// </summary>
public sealed class ODataRouter(ODataJsonWriter writer, IEnumerable<IEntitySetHandler> handlers)
{
    private readonly Dictionary<string, IEntitySetHandler> _handlers =
        handlers.ToDictionary(h => h.SetName, StringComparer.OrdinalIgnoreCase);

    public async Task HandleAsync(HttpContext context)
    {
        ProtocolHeaders.Apply(context);
        if (context.Request.Path == ServiceRoot.Path)
        {
            // "/odata" without the slash is the service root too; ODL only accepts it with one.
            RequireGet(context);
            await writer.WriteServiceDocumentAsync(context);
            return;
        }
        var parser = CreateParser(context.Request);
        var segments = parser.ParsePath().ToList();
        var method = context.Request.Method;

        switch (segments)
        {
            case []:
                RequireGet(context);
                await writer.WriteServiceDocumentAsync(context);
                return;
            case [MetadataSegment]:
                RequireGet(context);
                await writer.WriteMetadataAsync(context);
                return;
            case [EntitySetSegment set]:
                var handler = Handler(set);
                await (method switch
                {
                    "GET" => handler.GetCollectionAsync(context, parser),
                    "POST" => handler.CreateAsync(context),
                    _ => throw ODataProblem.MethodNotAllowed(method, context.Request.Path),
                });
                return;
            case [EntitySetSegment set, CountSegment]:
                RequireGet(context);
                await Handler(set).GetCountAsync(context, parser);
                return;
            case [EntitySetSegment set, KeySegment key]:
                handler = Handler(set);
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
            case [EntitySetSegment set, KeySegment key, NavigationPropertySegment navigation]:
                RequireGet(context);
                await Handler(set).GetNavigationAsync(context, KeyOf(key), navigation.NavigationProperty.Name);
                return;
            default:
                throw ODataProblem.NotFound($"资源路径不存在 (no such resource path): {context.Request.Path}");
        }
    }

    public static ODataUriParser CreateParser(HttpRequest request)
    {
        var model = request.HttpContext.RequestServices.GetRequiredService<ODataJsonWriter>().Model;
        var parser = new ODataUriParser(model, ServiceRoot.Of(request), new Uri(request.GetEncodedUrl()))
        {
            // OData 4.01: case-insensitive names and $-less system query options.
            Resolver = new UnqualifiedODataUriResolver { EnableCaseInsensitive = true, EnableNoDollarQueryOptions = true },
        };
        return parser;
    }

    private IEntitySetHandler Handler(EntitySetSegment set) =>
        _handlers.TryGetValue(set.EntitySet.Name, out var h)
            ? h
            : throw ODataProblem.NotFound($"实体集 {set.EntitySet.Name} 暂不可用 (entity set not served)");

    private static object KeyOf(KeySegment key) => key.Keys.Single().Value;

    private static void RequireGet(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
            throw ODataProblem.MethodNotAllowed(context.Request.Method, context.Request.Path);
    }
}
