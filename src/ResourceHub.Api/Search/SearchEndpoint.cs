using System.Globalization;
using System.Text.Json;
using ResourceHub.Api.OData;
using ResourceHub.Api.OData.Querying;
using ResourceHub.Api.Resources;
using ResourceHub.Application.Search;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Resources;
using ResourceHub.Indexing;
using ResourceHub.Query.Model;

namespace ResourceHub.Api.Search;

/// <summary>
/// GET /odata/Resources served by the search index: when the request has $search or facets/facet.*
/// ($apply with them is grouped by the database over the index's matches, see ResourceHandler). The use case (<see cref="ResourceSearch"/>, shared with the web pages) finds and re-checks the
/// hits; this adapter writes them as OData, plus @search.score and @ResourceHub.highlights.
/// </summary>
public sealed class SearchEndpoint(ResourceSearch search)
{
    /// <summary>Does this collection request belong to search rather than the database? ($apply alone is the database's GROUP BY.)</summary>
    public static bool Wants(HttpRequest request) =>
        SearchQueryReader.Raw(request, "search") is { Length: > 0 }
        || SearchOptionsReader.Facets(request) is not null;

    public async Task HandleAsync(HttpContext context, EntityQuery query, Caller caller)
    {
        var page = await search.SearchAsync(caller, query, SearchOptionsReader.Facets(context.Request), context.RequestAborted);
        await WriteAsync(context, query, page.Result, page.Rows);
    }

    /// <summary>GET /odata/Resources/$count?$search=…: the number of visible matches, as plain text.</summary>
    public async Task CountAsync(HttpContext context, EntityQuery query, Caller caller)
    {
        QueryBackend.RefuseCountOfGroups(context.Request);
        var count = await search.CountAsync(caller, query, SearchOptionsReader.Facets(context.Request), context.RequestAborted);
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(count.ToString(CultureInfo.InvariantCulture), context.RequestAborted);
    }

    private static Task WriteAsync(HttpContext context, EntityQuery query, SearchResult result, IReadOnlyDictionary<Guid, Resource> entities)
    {
        var fields = query.Select.Count > 0
            ? ResourceDefinition.Instance.Fields.Where(f => query.Select.Contains(f.Name, StringComparer.OrdinalIgnoreCase)).ToList()
            : ResourceDefinition.Instance.Fields.ToList();
        return WriteJsonAsync(context, w =>
        {
            w.WriteString("@odata.context", $"{ServiceRoot.Of(context.Request)}$metadata#Resources");
            if (result.Total is { } total)
                w.WriteNumber("@odata.count", total);
            if (result.Facets.Count > 0)
                WriteFacets(w, result);
            if (result.DidYouMean is { } corrected)
                w.WriteString("@ResourceHub.didYouMean", corrected);
            if (result.SuggestedFacets is { Count: > 0 } suggested)
                WriteSuggestedFacets(w, suggested);
            w.WriteStartArray("value");
            foreach (var hit in result.Hits)
            {
                // A hit deleted or hidden since it was indexed is left out; the outbox catches the index up.
                if (!entities.TryGetValue(hit.Document.Id, out var resource))
                    continue;
                w.WriteStartObject();
                w.WriteString("@odata.etag", resource.ETag);
                w.WriteNumber("@search.score", Math.Round(hit.Score, 6));
                if (hit.Highlights.Count > 0)
                {
                    w.WriteStartObject("@ResourceHub.highlights");
                    foreach (var (field, text) in hit.Highlights)
                        w.WriteString(field, text);
                    w.WriteEndObject();
                }
                foreach (var field in fields)
                {
                    w.WritePropertyName(field.Name);
                    WriteValue(w, field.Get(resource));
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (result.Next is { } next)
                w.WriteString("@odata.nextLink", NextLink(context.Request, next));
        });
    }

    private static void WriteFacets(Utf8JsonWriter w, SearchResult result)
    {
        w.WriteStartObject("@ResourceHub.facets");
        foreach (var (field, buckets) in result.Facets)
        {
            w.WriteStartArray(field);
            foreach (var b in buckets)
            {
                w.WriteStartObject();
                w.WriteString("Code", b.Code);
                if (b.Name is null) w.WriteNull("Name"); else w.WriteString("Name", b.Name);
                w.WriteNumber("Count", b.Count);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    /// <summary>Facet values the query's grade, stage, subject and kind words name (初二 → Stage junior, Grade g8), for the client to offer.</summary>
    private static void WriteSuggestedFacets(Utf8JsonWriter w, IReadOnlyList<Indexing.Understanding.FieldBoost> suggested)
    {
        w.WriteStartObject("@ResourceHub.suggestedFacets");
        foreach (var field in suggested.GroupBy(s => s.Field))
        {
            w.WriteStartArray(field.Key);
            foreach (var code in field.Select(s => s.Code).Distinct())
            {
                w.WriteStartObject();
                w.WriteString("Code", code);
                var name = Indexing.Documents.SearchFields.Get(field.Key).Names?.NameOf(code) ?? Indexing.Understanding.Lexicon.Default.GradeNames(code).FirstOrDefault();
                if (name is null) w.WriteNull("Name"); else w.WriteString("Name", name);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case string text: w.WriteStringValue(text); break;
            case Guid id: w.WriteStringValue(id); break;
            case double number: w.WriteNumberValue(number); break;
            case long number: w.WriteNumberValue(number); break;
            case DateTime d: w.WriteStringValue(DateTime.SpecifyKind(d, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)); break;
            case IEnumerable<string> list:
                w.WriteStartArray();
                foreach (var s in list)
                    w.WriteStringValue(s);
                w.WriteEndArray();
                break;
            default: JsonSerializer.Serialize(w, value, value.GetType()); break;
        }
    }

    /// <summary>The same URL with $skiptoken set to the cursor after the last hit.</summary>
    private static string NextLink(HttpRequest request, KeysetPosition next)
    {
        var pairs = request.Query.Where(q => q.Key is not ("$skiptoken" or "skiptoken"))
            .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"))
            .Append("$skiptoken=" + SearchQueryReader.EncodeCursor(next));
        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?{string.Join("&", pairs)}";
    }

    private static async Task WriteJsonAsync(HttpContext context, Action<Utf8JsonWriter> body)
    {
        // Buffered: a failure while rendering still becomes a proper error response.
        var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer, JsonOutput.WriterOptions))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        context.Response.ContentType = "application/json; odata.metadata=minimal; charset=utf-8";
        context.Response.ContentLength = buffer.Length; // one write, no chunked framing
        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted);
    }
}
