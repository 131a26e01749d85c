using System.Text;
using System.Text.Json;
using ResourceHub.Query.Model;

namespace ResourceHub.Application.Search;

/// <summary>The page cursor of search (score + key) as a URL-safe token: $skiptoken in OData, "after" on the web pages.</summary>
public static class SearchCursor
{
    public static string Encode(KeysetPosition position) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(position.Values)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Null when the token is not one this service issued.</summary>
    public static KeysetPosition? TryDecode(string token)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 += new string('=', (4 - base64.Length % 4) % 4);
            var values = JsonSerializer.Deserialize<List<JsonElement>>(Encoding.UTF8.GetString(Convert.FromBase64String(base64)));
            // Only what Encode writes: a short array of plain values (not null, objects, 1e999 or broken text).
            return values is null || values.Count is 0 or > MaxValues || !values.All(IsPlain)
                ? null
                : new KeysetPosition(values.Select(v => (object?)v).ToList());
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private const int MaxValues = 8;

    private static bool IsPlain(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString() is not null,
        JsonValueKind.Number => v.TryGetDouble(out var d) && double.IsFinite(d),
        JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null => true,
        _ => false,
    };
}
