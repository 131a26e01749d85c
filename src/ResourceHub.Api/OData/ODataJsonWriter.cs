using System.Text.Json;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;

namespace ResourceHub.Api.OData;

/// <summary>Writes entities (with expansions), collections, the service document and $metadata with ODL.</summary>
public sealed class ODataJsonWriter(IEdmModel model)
{
    public IEdmModel Model => model;

    public Task WriteEntityAsync<T>(HttpContext context, EntityDefinition<T> definition, T entity,
        int status = StatusCodes.Status200OK, ODataUri? uri = null, IReadOnlyList<string>? select = null) =>
        WriteEntryAsync(context, definition.SetName, Entry(context.Request, definition, entity, select, []), status, uri);

    public Task WriteCollectionAsync<T>(HttpContext context, EntityDefinition<T> definition, IEnumerable<T> items,
        long? count = null, Uri? nextLink = null, ODataUri? uri = null, IReadOnlyList<string>? select = null) =>
        WriteEntriesAsync(context, definition.SetName, items.Select(i => Entry(context.Request, definition, i, select, [])).ToList(),
            count, nextLink, uri);

    public async Task WriteEntryAsync(HttpContext context, string setName, ODataEntry entry, int status = StatusCodes.Status200OK,
        ODataUri? uri = null)
    {
        MediaTypes.RequireJson(context.Request);
        var set = EntitySet(setName);
        using var message = new BufferedResponseMessage { StatusCode = status };
        using (var writer = new ODataMessageWriter(message, Settings(context, uri), model))
        {
            var w = writer.CreateODataResourceWriter(set, set.EntityType);
            Write(w, entry);
        }
        await message.CopyToAsync(context.Response);
    }

    public async Task WriteEntriesAsync(HttpContext context, string setName, IReadOnlyList<ODataEntry> entries, long? count = null,
        Uri? nextLink = null, ODataUri? uri = null)
    {
        MediaTypes.RequireJson(context.Request);
        var set = EntitySet(setName);
        using var message = new BufferedResponseMessage();
        using (var writer = new ODataMessageWriter(message, Settings(context, uri), model))
        {
            var w = writer.CreateODataResourceSetWriter(set, set.EntityType);
            w.WriteStart(new ODataResourceSet { Count = count, NextPageLink = nextLink });
            foreach (var entry in entries)
                Write(w, entry);
            w.WriteEnd();
        }
        await message.CopyToAsync(context.Response);
    }

    private static void Write(ODataWriter w, ODataEntry entry)
    {
        w.WriteStart(entry.Resource);
        foreach (var expansion in entry.Expansions)
        {
            w.WriteStart(new ODataNestedResourceInfo { Name = expansion.Name, IsCollection = expansion.IsCollection });
            if (expansion.IsCollection)
            {
                w.WriteStart(new ODataResourceSet());
                foreach (var inner in expansion.Entries)
                    Write(w, inner);
                w.WriteEnd();
            }
            else if (expansion.Entries is [var single])
                Write(w, single);
            else
                w.WriteStart((ODataResource?)null);
            if (!expansion.IsCollection && expansion.Entries.Count == 0)
                w.WriteEnd();
            w.WriteEnd();
        }
        w.WriteEnd();
    }

    public async Task WriteServiceDocumentAsync(HttpContext context)
    {
        MediaTypes.RequireJson(context.Request);
        using var message = new BufferedResponseMessage();
        using (var writer = new ODataMessageWriter(message, Settings(context, null), model))
            writer.WriteServiceDocument(model.GenerateServiceDocument());
        await message.CopyToAsync(context.Response);
    }

    public async Task WriteMetadataAsync(HttpContext context)
    {
        if (MediaTypes.ForMetadata(context.Request) == MediaTypes.Metadata.Json)
        {
            await WriteJsonMetadataAsync(context);
            return;
        }
        using var message = new BufferedResponseMessage();
        using (var writer = new ODataMessageWriter(message, Settings(context, null, json: false), model))
            writer.WriteMetadataDocument();
        await message.CopyToAsync(context.Response);
    }

    /// <summary>CSDL JSON (OData 4.01 format, valid for 4.0 services too).</summary>
    private async Task WriteJsonMetadataAsync(HttpContext context)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOutput.WriterOptions))
        {
            if (!CsdlWriter.TryWriteCsdl(model, json, out var errors))
                throw new InvalidOperationException("CSDL JSON: " + string.Join("; ", errors.Select(e => e.ErrorMessage)));
        }
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    private IEdmEntitySet EntitySet(string name) =>
        model.EntityContainer.FindEntitySet(name) ?? throw new InvalidOperationException($"no entity set {name}");

    private static ODataMessageWriterSettings Settings(HttpContext context, ODataUri? uri, bool json = true)
    {
        var root = ServiceRoot.Of(context.Request);
        uri ??= new ODataUri { ServiceRoot = root };
        uri.ServiceRoot ??= root;
        var settings = new ODataMessageWriterSettings
        {
            BaseUri = root,
            ODataUri = uri,
            Version = ODataVersion.V4,
            EnableMessageStreamDisposal = false,
        };
        if (!json)
            return settings;
        // Honour odata.metadata=none|minimal|full from Accept; data is JSON whatever else was asked.
        var accept = context.Request.Headers.Accept.ToString();
        settings.SetContentType(accept.Contains("odata.metadata", StringComparison.OrdinalIgnoreCase) ? accept : "application/json;odata.metadata=minimal", "utf-8");
        return settings;
    }

    /// <summary>An entity as ODL wants it: the selected properties, ETag, media read link, and any expansions.</summary>
    public static ODataEntry Entry<T>(HttpRequest request, EntityDefinition<T> definition, T entity,
        IReadOnlyList<string>? select, IReadOnlyList<ODataExpansion> expansions)
    {
        var fields = select is { Count: > 0 }
            ? definition.Fields.Where(f => select.Contains(f.Name, StringComparer.OrdinalIgnoreCase))
            : definition.Fields;
        var resource = new ODataResource
        {
            TypeName = definition.QualifiedTypeName,
            Properties = fields.Select(f => new ODataProperty { Name = f.Name, Value = ToODataValue(f.Get(entity)) }).ToList(),
            ETag = definition.ETagOf(entity),
        };
        if (definition.HasStream)
            resource.MediaResource = new ODataStreamReferenceValue { ReadLink = ServiceRoot.ValueUri(request, definition.SetName, definition.KeyOf(entity)) };
        return new ODataEntry(resource, expansions);
    }

    public static object? ToODataValue(object? value) => value switch
    {
        null => null,
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        IEnumerable<string> list => new ODataCollectionValue { TypeName = "Collection(Edm.String)", Items = list },
        _ => value,
    };
}
