using System.Text.Json;
using ResourceHub.Api.OData;
using ResourceHub.Domain.Curation;

namespace ResourceHub.Api.Curation;

/// <summary>Reads a bound action's JSON parameters; an action without parameters may have an empty body.</summary>
public sealed class ActionParameters
{
    private readonly RequestBody? _body;
    private readonly List<ODataErrorDetail> _errors = [];

    private ActionParameters(RequestBody? body) => _body = body;

    public static async Task<ActionParameters> ReadAsync(HttpRequest request, params string[] names)
    {
        if (request.ContentLength is null or 0 && !request.Headers.TransferEncoding.Any())
            return new ActionParameters(null);
        var body = await RequestBody.ReadAsync(request, new HashSet<string>(names, StringComparer.OrdinalIgnoreCase), new HashSet<string>());
        return new ActionParameters(body);
    }

    public string? OptionalString(string name) => _body?.String(name, _errors);

    public string RequiredString(string name)
    {
        var value = OptionalString(name);
        if (string.IsNullOrWhiteSpace(value) && !_errors.Any(e => e.Target == name))
            _errors.Add(new("MissingParameter", $"缺少参数 '{name}' (parameter {name} is required)", name));
        return value ?? "";
    }

    public int RequiredInt(string name)
    {
        var value = _body?.Int(name, _errors);
        if (value is null && !_errors.Any(e => e.Target == name))
            _errors.Add(new("MissingParameter", $"缺少参数 '{name}' (parameter {name} is required)", name));
        return value ?? 0;
    }

    public Guid? OptionalGuid(string name) => _body?.Guid(name, _errors);

    public Guid RequiredGuid(string name)
    {
        var value = OptionalGuid(name);
        if (value is null && !_errors.Any(e => e.Target == name))
            _errors.Add(new("MissingParameter", $"缺少参数 '{name}' (parameter {name} is required)", name));
        return value ?? Guid.Empty;
    }

    public bool RequiredBool(string name)
    {
        var value = _body?.Boolean(name, _errors);
        if (value is null && !_errors.Any(e => e.Target == name))
            _errors.Add(new("MissingParameter", $"缺少参数 '{name}' (parameter {name} is required)", name));
        return value ?? false;
    }

    /// <summary>[{"Criterion": "教学设计", "Points": 22}, …]</summary>
    public List<CriterionScore> Scores(string name)
    {
        var items = _body?.Array(name, ReadScore, _errors);
        if (items is null)
        {
            if (!_errors.Any(e => e.Target == name))
                _errors.Add(new("MissingParameter", $"缺少参数 '{name}' (parameter {name} is required)", name));
            return [];
        }
        if (items.Any(i => i is null))
            _errors.Add(new("WrongType", "评分须为 {\"Criterion\": 名称, \"Points\": 分数} 的数组 (scores are {Criterion, Points} objects)", name));
        return items.OfType<CriterionScore>().ToList();
    }

    /// <summary>Throws one 400 naming every bad parameter.</summary>
    public void ThrowIfInvalid() => RequestBody.ThrowIfAny(_errors);

    private static CriterionScore? ReadScore(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
            return null;
        string? criterion = null;
        double? points = null;
        foreach (var p in e.EnumerateObject())
        {
            if (p.NameEquals("Criterion") || p.Name.Equals("criterion", StringComparison.OrdinalIgnoreCase))
                criterion = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : null;
            else if (p.Name.Equals("Points", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.Number
                     && p.Value.TryGetDouble(out var d) && double.IsFinite(d))
                points = d;
        }
        return criterion is null || points is null ? null : new CriterionScore(criterion, points.Value);
    }
}
