using System.Globalization;
using System.Text.Json;

namespace ResourceHub.Indexing.Fts;

/// <summary>How query-model values are stored in and compared against the FTS companion table.</summary>
internal static class FtsValues
{
    /// <summary>Fixed-width UTC text, so string order is time order.</summary>
    public static string Date(DateTime utc) =>
        DateTime.SpecifyKind(utc.Kind == DateTimeKind.Local ? utc.ToUniversalTime() : utc, DateTimeKind.Utc)
            .ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static object? ToDb(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => Date(d.UtcDateTime),
        DateTime d => Date(d),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Guid g => g.ToString("D"),
        bool b => b ? 1 : 0,
        decimal m => (double)m,
        float f => (double)f,
        int or long or double or string => value,
        JsonElement e => FromJson(e),
        _ => throw new SearchQueryException($"不支持的值 {value} (unsupported value type {value.GetType().Name})"),
    };

    // Keyset cursors come back from clients as JSON.
    private static object? FromJson(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt64(out var l) ? l : e.GetDouble(),
        JsonValueKind.Null => null,
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        _ => throw new SearchQueryException("无效的分页游标 (invalid keyset cursor)"),
    };
}
