using System.Text;
using System.Text.Json;
using ResourceHub.Api.OData;
using ResourceHub.Query.Model;

namespace ResourceHub.Api.Search;

/// <summary>
/// What search reads from the URL itself (everything else comes through the shared OData
/// translator): raw option values, and the $skiptoken cursor of search paging (score + key).
/// </summary>
public static class SearchQueryReader
{
    /// <summary>The value of $name (or name, OData 4.01), or null.</summary>
    public static string? Raw(HttpRequest request, string name) =>
        request.Query.TryGetValue("$" + name, out var v) || request.Query.TryGetValue(name, out v) ? v.ToString() : null;

    public static string EncodeCursor(KeysetPosition position) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(position.Values)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static KeysetPosition DecodeCursor(string token)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 += new string('=', (4 - base64.Length % 4) % 4);
            var values = JsonSerializer.Deserialize<List<JsonElement>>(Encoding.UTF8.GetString(Convert.FromBase64String(base64)));
            // Only what EncodeCursor writes: a short array of plain values (not null, objects, 1e999 or broken text).
            if (values is null || values.Count is 0 or > MaxCursorValues || !values.All(IsPlain))
                throw new FormatException();
            return new KeysetPosition(values.Select(v => (object?)v).ToList());
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            throw ODataProblem.BadRequest("无效的 $skiptoken (the $skiptoken is not one this service issued)", "$skiptoken");
        }
    }

    private const int MaxCursorValues = 8;

    private static bool IsPlain(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString() is not null,
        JsonValueKind.Number => v.TryGetDouble(out var d) && double.IsFinite(d),
        JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null => true,
        _ => false,
    };
}
