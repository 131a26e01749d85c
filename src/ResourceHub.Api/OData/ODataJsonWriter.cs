using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace ResourceHub.Api.OData;

/// <summary>Writes entities, collections, the service document and $metadata with ODL.</summary>
public sealed class ODataJsonWriter(IEdmModel model)
{
    public IEdmModel Model => model;

    public async Task WriteEntityAsync<T>(HttpContext context, EntityDefinition<T> definition, T entity,
        int status = StatusCodes.Status200OK, ODataUri? uri = null, IReadOnlyList<string>? select = null)
    {
        var set = EntitySet(definition.SetName);
        var message = new BufferedResponseMessage { StatusCode = status };
        using (var writer = new ODataMessageWriter(message, Settings(context, uri), model))
        {
            var w = writer.CreateODataResourceWriter(set, set.EntityType());
            w.WriteStart(ToResource(context.Request, definition, entity, select));
            w.WriteEnd();
        }
        await message.CopyToAsync(context.Response);
    }

    public async Task WriteCollectionAsync<T>(HttpContext context, EntityDefinition<T> definition, IEnumerable<T> items,
        long? count = null, Uri? nextLink = null, ODataUri? uri = null, IReadOnlyList<string>? select = null)
    {
        var set = EntitySet(definition.SetName);
        var message = new BufferedResponseMessage();
        using (var writer = new ODataMessageWriter(message, Settings(context, uri), model))
        {
            var w = writer.CreateODataResourceSetWriter(set, set.EntityType());
            w.WriteStart(new ODataResourceSet { Count = count, NextPageLink = nextLink });
            foreach (var item in items)
            {
                w.WriteStart(ToResource(context.Request, definition, item, select));
                w.WriteEnd();
            }
            w.WriteEnd();
        }
        await message.CopyToAsync(context.Response);
    }

    public async Task WriteServiceDocumentAsync(HttpContext context)
    {
        var message = new BufferedResponseMessage();
        using (var writer = new ODataMessageWriter(message, Settings(context, null), model))
            writer.WriteServiceDocument(model.GenerateServiceDocument());
        await message.CopyToAsync(context.Response);
    }

    public async Task WriteMetadataAsync(HttpContext context)
    {
        var message = new BufferedResponseMessage();
        using (var writer = new ODataMessageWriter(message, Settings(context, null), model))
            writer.WriteMetadataDocument();
        await message.CopyToAsync(context.Response);
    }

    private IEdmEntitySet EntitySet(string name) =>
        model.EntityContainer.FindEntitySet(name) ?? throw new InvalidOperationException($"no entity set {name}");

    private static ODataMessageWriterSettings Settings(HttpContext context, ODataUri? uri)
    {
        var root = ServiceRoot.Of(context.Request);
        uri ??= new ODataUri { ServiceRoot = root };
        uri.ServiceRoot ??= root;
        return new ODataMessageWriterSettings
        {
            BaseUri = root,
            ODataUri = uri,
            Version = ODataVersion.V4,
            EnableMessageStreamDisposal = false,
        };
    }

    private static ODataResource ToResource<T>(HttpRequest request, EntityDefinition<T> definition, T entity,
        IReadOnlyList<string>? select)
    {
        var fields = select is { Count: > 0 }
            ? definition.Fields.Where(f => select.Contains(f.Name, StringComparer.OrdinalIgnoreCase))
            : definition.Fields;
        var resource = new ODataResource
        {
            TypeName = $"{EdmModelFactory.Namespace}.{definition.TypeName}",
            Properties = fields.Select(f => new ODataProperty { Name = f.Name, Value = ToODataValue(f.Get(entity)) }).ToList(),
            ETag = definition.ETagOf(entity),
        };
        if (definition.HasStream)
        {
            var entityUri = ServiceRoot.EntityUri(request, definition.SetName, definition.KeyOf(entity));
            resource.MediaResource = new ODataStreamReferenceValue { ReadLink = new Uri(entityUri + "/$value") };
        }
        return resource;
    }

    public static object? ToODataValue(object? value) => value switch
    {
        null => null,
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        IEnumerable<string> list => new ODataCollectionValue { TypeName = "Collection(Edm.String)", Items = list.ToList() },
        _ => value,
    };
}
