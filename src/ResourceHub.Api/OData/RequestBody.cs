using System.Text.Json;

namespace ResourceHub.Api.OData;

/// <summary>
/// Reads a JSON entity payload and checks it against the properties a set accepts: unknown names
/// and wrong JSON types become one 400 listing every problem; computed properties are ignored, as
/// OData asks of services.
/// </summary>
public sealed class RequestBody
{
    private readonly Dictionary<string, JsonElement> _values;

    private RequestBody(Dictionary<string, JsonElement> values) => _values = values;

    public static async Task<RequestBody> ReadAsync(HttpRequest request, IReadOnlySet<string> writable, IReadOnlySet<string> computed)
    {
        if (request.ContentType is { } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            throw new ODataProblem(StatusCodes.Status415UnsupportedMediaType, "UnsupportedMediaType",
                $"请求体须为 JSON (Content-Type '{type}' is not supported; use application/json)");
        var doc = await JsonPayload.ReadAsync(request, Limits.LimitOptions.Of(request.HttpContext).JsonBodyBytes);
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw ODataProblem.BadRequest("请求体须为 JSON 对象 (the payload must be a JSON object)");
            var values = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
            var unknown = new List<ODataErrorDetail>();
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (p.Name.Contains('@'))
                    continue; // annotations such as @odata.type / @odata.etag
                if (writable.Contains(p.Name))
                    values[p.Name] = p.Value.Clone();
                else if (!computed.Contains(p.Name))
                    unknown.Add(new("UnknownProperty", $"属性 '{p.Name}' 不存在或不可写 (unknown or read-only property)", p.Name));
            }
            if (unknown.Count > 0)
                throw ODataProblem.BadRequest(unknown[0].Message, unknown[0].Target, unknown);
            return new RequestBody(values);
        }
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string? String(string name, List<ODataErrorDetail> errors)
    {
        if (!_values.TryGetValue(name, out var v) || v.ValueKind == JsonValueKind.Null)
            return null;
        if (v.ValueKind == JsonValueKind.String)
            return v.GetString();
        errors.Add(new("WrongType", $"属性 '{name}' 须为字符串 (expected a string)", name));
        return null;
    }

    public decimal? Decimal(string name, List<ODataErrorDetail> errors)
    {
        if (!_values.TryGetValue(name, out var v) || v.ValueKind == JsonValueKind.Null)
            return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d))
            return d;
        errors.Add(new("WrongType", $"属性 '{name}' 须为数字 (expected a number)", name));
        return null;
    }

    /// <summary>A whole number that fits an int; anything else (3000000000, 2.5, "7") is one error naming it.</summary>
    public int? Int(string name, List<ODataErrorDetail> errors)
    {
        if (!_values.TryGetValue(name, out var v) || v.ValueKind == JsonValueKind.Null)
            return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i))
            return i;
        errors.Add(v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d) && d == decimal.Truncate(d)
            ? new("OutOfRange", $"属性 '{name}' 超出整数范围 (expected an integer between {int.MinValue} and {int.MaxValue})", name)
            : new("WrongType", $"属性 '{name}' 须为整数 (expected an integer)", name));
        return null;
    }

    public bool? Boolean(string name, List<ODataErrorDetail> errors)
    {
        if (!_values.TryGetValue(name, out var v) || v.ValueKind == JsonValueKind.Null)
            return null;
        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
            return v.GetBoolean();
        errors.Add(new("WrongType", $"属性 '{name}' 须为 true 或 false (expected a boolean)", name));
        return null;
    }

    public Guid? Guid(string name, List<ODataErrorDetail> errors)
    {
        if (String(name, errors) is not { } text)
            return null;
        if (System.Guid.TryParse(text, out var id))
            return id;
        errors.Add(new("WrongType", $"属性 '{name}' 须为 GUID (expected a GUID)", name));
        return null;
    }

    /// <summary>An ISO 8601 date-time with its offset (2026-12-01T08:00:00+08:00), as UTC.</summary>
    public DateTime? DateTimeOffset(string name, List<ODataErrorDetail> errors)
    {
        if (String(name, errors) is not { } text)
            return null;
        if (System.DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var at) && text.Contains('T'))
            return at.UtcDateTime;
        errors.Add(new("WrongType", $"属性 '{name}' 须为带时区的日期时间，如 2026-12-01T08:00:00+08:00 (expected a date-time with offset)", name));
        return null;
    }

    public List<string>? StringList(string name, List<ODataErrorDetail> errors)
    {
        if (!_values.TryGetValue(name, out var v) || v.ValueKind == JsonValueKind.Null)
            return null;
        if (v.ValueKind == JsonValueKind.Array && v.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String))
            return v.EnumerateArray().Select(e => e.GetString()!.Trim()).Distinct().ToList();
        errors.Add(new("WrongType", $"属性 '{name}' 须为字符串数组 (expected an array of strings)", name));
        return null;
    }

    public List<T>? Array<T>(string name, Func<JsonElement, T> read, List<ODataErrorDetail> errors)
    {
        if (!_values.TryGetValue(name, out var v) || v.ValueKind == JsonValueKind.Null)
            return null;
        if (v.ValueKind == JsonValueKind.Array)
            return v.EnumerateArray().Select(read).ToList();
        errors.Add(new("WrongType", $"属性 '{name}' 须为数组 (expected an array)", name));
        return null;
    }

    public static void ThrowIfAny(List<ODataErrorDetail> errors)
    {
        if (errors.Count > 0)
            throw ODataProblem.BadRequest(errors[0].Message, errors[0].Target, errors);
    }
}
