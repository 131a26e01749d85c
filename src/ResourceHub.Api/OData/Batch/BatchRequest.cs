using System.Text.Json;

namespace ResourceHub.Api.OData.Batch;

/// <summary>One entry of a JSON batch (OData 4.01 §19): method, URL relative to the service root, headers, body.</summary>
public sealed record BatchRequest(string Id, string Method, string Url, IReadOnlyDictionary<string, string> Headers,
    JsonElement? Body, string? AtomicityGroup, IReadOnlyList<string> DependsOn)
{
    public static IReadOnlyList<BatchRequest> ParseAll(JsonElement root, int maxRequests)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("requests", out var requests) || requests.ValueKind != JsonValueKind.Array)
            throw ODataProblem.BadRequest("批处理请求须为 {\"requests\": [...]} (a JSON batch needs a requests array)", "requests");
        if (requests.GetArrayLength() > maxRequests)
            throw ODataProblem.BadRequest($"批处理最多 {maxRequests} 个请求 (a batch holds at most {maxRequests} requests)", "requests");
        var errors = new List<ODataErrorDetail>();
        var parsed = new List<BatchRequest>();
        var index = 0;
        foreach (var r in requests.EnumerateArray())
        {
            var target = $"requests[{index++}]";
            if (r.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new("InvalidBatchRequest", "每个请求须为 JSON 对象 (each request must be an object)", target));
                continue;
            }
            var id = Text(r, "id");
            var method = Text(r, "method")?.ToUpperInvariant();
            var url = Text(r, "url");
            if (id is null || method is null || url is null)
            {
                errors.Add(new("InvalidBatchRequest", "请求须有 id、method 和 url (id, method and url are required)", target));
                continue;
            }
            if (parsed.Any(p => p.Id == id))
                errors.Add(new("InvalidBatchRequest", $"请求 id {id} 重复 (request ids must be unique)", target));
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (r.TryGetProperty("headers", out var h) && h.ValueKind == JsonValueKind.Object)
                foreach (var p in h.EnumerateObject())
                    headers[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
            var dependsOn = r.TryGetProperty("dependsOn", out var d) && d.ValueKind == JsonValueKind.Array
                ? d.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : "").ToList()
                : [];
            if (r.TryGetProperty("dependsOn", out d) && !(d.ValueKind == JsonValueKind.Array && d.EnumerateArray().All(x => x.ValueKind == JsonValueKind.String)))
                errors.Add(new("InvalidBatchRequest", "dependsOn 须为请求 id 的字符串数组 (dependsOn must be an array of request ids)", target));
            foreach (var dep in dependsOn.Where(dep => parsed.All(p => p.Id != dep && p.AtomicityGroup != dep)))
                errors.Add(new("InvalidBatchRequest", $"dependsOn 引用了未出现在前面的 {dep} (dependsOn must name an earlier request or group)", target));
            var body = r.TryGetProperty("body", out var b) ? b.Clone() : (JsonElement?)null;
            parsed.Add(new BatchRequest(id, method, url, headers, body, Text(r, "atomicityGroup"), dependsOn));
        }
        // Members of an atomicity group must be adjacent (4.01 §19.1.2).
        var groups = parsed.Select(p => p.AtomicityGroup).Where(g => g is not null).ToList();
        foreach (var g in groups.Distinct())
        {
            var positions = parsed.Select((p, i) => (p, i)).Where(x => x.p.AtomicityGroup == g).Select(x => x.i).ToList();
            if (positions[^1] - positions[0] + 1 != positions.Count)
                errors.Add(new("InvalidBatchRequest", $"原子组 {g} 的请求须相邻 (requests of atomicityGroup {g} must be adjacent)", "requests"));
        }
        RequestBody.ThrowIfAny(errors);
        return parsed;
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
