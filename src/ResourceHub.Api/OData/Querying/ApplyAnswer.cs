using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using ResourceHub.Query.Model;

namespace ResourceHub.Api.OData.Querying;

/// <summary>
/// Writes the groups of an $apply as OData JSON, whichever backend computed them: one object per group with the group
/// properties and aliases, @odata.context naming that shape, and an @odata.nextLink (by $skip) when groups remain.
/// </summary>
public static class ApplyAnswer
{
    public static async Task WriteAsync(HttpContext context, string setName, ApplyQuery apply, ApplyResult result)
    {
        // Buffered: a failure while rendering still becomes a proper error response.
        var buffer = new MemoryStream();
        await using (var w = new Utf8JsonWriter(buffer, JsonOutput.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", $"{ServiceRoot.Of(context.Request)}$metadata#{setName}({string.Join(",", result.Columns)})");
            w.WriteStartArray("value");
            foreach (var row in result.Rows)
            {
                w.WriteStartObject();
                for (var i = 0; i < result.Columns.Count; i++)
                {
                    w.WritePropertyName(result.Columns[i]);
                    WriteValue(w, row[i]);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (result.More)
                w.WriteString("@odata.nextLink", NextLink(context.Request, (apply.Skip ?? 0) + result.Rows.Count));
            w.WriteEndObject();
        }
        context.Response.ContentType = "application/json; odata.metadata=minimal; charset=utf-8";
        context.Response.ContentLength = buffer.Length;
        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted);
    }

    private static void WriteValue(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case long n: w.WriteNumberValue(n); break;
            case double d: w.WriteNumberValue(d); break;
            case decimal m: w.WriteNumberValue(m); break;
            case bool b: w.WriteBooleanValue(b); break;
            case DateTimeOffset t: w.WriteStringValue(t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)); break;
            case Guid id: w.WriteStringValue(id); break;
            default: w.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    /// <summary>The request's URL with $skip moved past the groups served.</summary>
    private static string NextLink(HttpRequest request, int skip)
    {
        var kept = request.Query
            .Where(q => q.Key.Trim().TrimStart('$').ToLowerInvariant() != "skip")
            .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)))
            .Append(KeyValuePair.Create("$skip", (string?)skip.ToString(CultureInfo.InvariantCulture)));
        return QueryHelpers.AddQueryString($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}", kept);
    }
}
