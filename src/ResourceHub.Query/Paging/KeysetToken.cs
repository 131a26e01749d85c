using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ResourceHub.Query.Model;

namespace ResourceHub.Query.Paging;

/// <summary>
/// The opaque $skiptoken of server-driven paging: the sort values and key of the last row served,
/// plus the sort it belongs to (a token is refused under a different $orderby). Keyset, not offset,
/// so page N costs what page 1 costs.
/// </summary>
public static class KeysetToken
{
    /// <summary>
    /// The sort actually applied: the asked keys, then the key field as tie-breaker, in the direction
    /// of the last asked key so a (field, key) index serves the whole sort in one scan.
    /// </summary>
    public static IReadOnlyList<OrderBy> EffectiveOrder(QuerySchema schema, IReadOnlyList<OrderBy> asked) =>
        asked.Any(o => string.Equals(o.Field, schema.KeyField, StringComparison.OrdinalIgnoreCase))
            ? asked
            : [.. asked, new OrderBy(schema.KeyField, asked.Count > 0 && asked[^1].Descending)];

    public static string Encode(IReadOnlyList<OrderBy> order, IReadOnlyList<object?> values)
    {
        var array = new JsonArray(values.Select(ToJson).ToArray());
        var json = new JsonObject { ["o"] = Fingerprint(order), ["v"] = array };
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));
    }

    /// <summary>The position in the token, or null with a reason when it is not one of ours for this sort.</summary>
    public static KeysetPosition? TryDecode(string token, QuerySchema schema, IReadOnlyList<OrderBy> order, out string? error)
    {
        error = null;
        try
        {
            var bytes = Base64Url.DecodeFromChars(token);
            var json = JsonNode.Parse(bytes) as JsonObject;
            if (json?["o"]?.GetValue<string>() != Fingerprint(order) || json["v"] is not JsonArray values || values.Count != order.Count)
            {
                error = "该分页令牌不属于此排序 ($skiptoken does not belong to this $orderby; follow @odata.nextLink as given)";
                return null;
            }
            var decoded = new List<object?>();
            for (var i = 0; i < order.Count; i++)
            {
                var field = schema.Find(order[i].Field)!;
                // A null for a non-nullable field would seek past nothing sensible; such a token is not ours.
                decoded.Add(values[i] is null && !field.Nullable ? throw new FormatException("null key") : FromJson(values[i], field.Type));
            }
            return new KeysetPosition(decoded);
        }
        catch (Exception e) when (e is FormatException or OverflowException or JsonException or InvalidOperationException or ArgumentException or NullReferenceException)
        {
            error = "无效的分页令牌 ($skiptoken is malformed; follow @odata.nextLink as given)";
            return null;
        }
    }

    private static string Fingerprint(IReadOnlyList<OrderBy> order) =>
        string.Join(",", order.Select(o => o.Field.ToLowerInvariant() + (o.Descending ? "-" : "+")));

    private static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b,
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        DateTimeOffset d => d.UtcDateTime.Ticks.ToString(CultureInfo.InvariantCulture),
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc).Ticks.ToString(CultureInfo.InvariantCulture),
        Guid g => g.ToString("D"),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.GetType().Name, "not a sortable value"),
    };

    private static object? FromJson(JsonNode? node, FieldType type)
    {
        if (node is null)
            return null;
        return type switch
        {
            FieldType.String => node.GetValue<string>(),
            FieldType.Boolean => node.GetValue<bool>(),
            FieldType.Int64 => long.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture),
            FieldType.Double => double.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture),
            FieldType.Decimal => decimal.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture),
            FieldType.DateTimeOffset => new DateTimeOffset(long.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture), TimeSpan.Zero),
            FieldType.Guid => Guid.Parse(node.GetValue<string>()),
            _ => throw new FormatException($"{type} is not sortable"),
        };
    }
}
