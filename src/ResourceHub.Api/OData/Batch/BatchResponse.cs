using System.Text;
using System.Text.Json;

namespace ResourceHub.Api.OData.Batch;

/// <summary>One entry of the JSON batch response: id, status, headers and the body (JSON inline, other text as a string).</summary>
public sealed record BatchResponse(string Id, string? Group, int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public static BatchResponse From(BatchRequest request, HttpResponse response, byte[] body) =>
        new(request.Id, request.AtomicityGroup, response.StatusCode,
            response.Headers.Where(h => !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                .ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body);

    public static BatchResponse Error(BatchRequest request, int status, string code, string message)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { error = new { code, message, details = Array.Empty<object>() } });
        return new(request.Id, request.AtomicityGroup, status,
            new Dictionary<string, string> { ["Content-Type"] = "application/json; charset=utf-8" }, body);
    }

    public void Write(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("id", Id);
        if (Group is not null)
            json.WriteString("atomicityGroup", Group);
        json.WriteNumber("status", Status);
        json.WriteStartObject("headers");
        foreach (var (name, value) in Headers)
            json.WriteString(name.ToLowerInvariant(), value);
        json.WriteEndObject();
        if (Body.Length > 0)
        {
            json.WritePropertyName("body");
            var isJson = Headers.TryGetValue("Content-Type", out var type) && type.Contains("json", StringComparison.OrdinalIgnoreCase);
            if (isJson)
            {
                using var doc = JsonDocument.Parse(Body);
                doc.RootElement.WriteTo(json);
            }
            else
                json.WriteStringValue(Encoding.UTF8.GetString(Body));
        }
        json.WriteEndObject();
    }
}
