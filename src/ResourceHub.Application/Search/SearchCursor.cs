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
            return values is null ? null : new KeysetPosition(values.Select(v => (object?)v).ToList());
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}
