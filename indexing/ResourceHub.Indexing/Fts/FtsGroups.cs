using System.Globalization;
using Microsoft.Data.Sqlite;
using ResourceHub.Indexing.Documents;
using ResourceHub.Query.Model;

namespace ResourceHub.Indexing.Fts;

/// <summary>
/// An $apply over the matched set "m" (<see cref="FtsQuery.GroupsCommand"/>) as one SQL GROUP BY in the index file:
/// the groups are computed where the matches are, without reading their ids. SQLite sorts NULL lowest, as OData does.
/// </summary>
internal static class FtsGroups
{
    /// <summary>SELECT over m: group columns, then aggregates, as c0…cn; sorted, then $skip and take + 1 groups.</summary>
    public static string Select(SqlBuilder sql, ApplyQuery apply, string where, int take)
    {
        var columns = apply.GroupBy.Select(g => "m." + SearchFields.Get(g).Column)
            .Concat(apply.Aggregates.Select(Aggregate))
            .Select((expression, i) => $"{expression} AS c{i}");
        var text = $"SELECT {string.Join(", ", columns)} FROM m WHERE {where}";
        if (apply.GroupBy.Count > 0)
            text += " GROUP BY " + string.Join(", ", apply.GroupBy.Select((_, i) => "c" + i));
        var order = apply.EffectiveOrder.Select(o => $"c{IndexOf(apply, o.Field)}{(o.Descending ? " DESC" : " ASC")}").ToList();
        if (order.Count > 0)
            text += " ORDER BY " + string.Join(", ", order);
        return text + $" LIMIT {sql.Add((long)take + 1)} OFFSET {sql.Add((long)(apply.Skip ?? 0))}";
    }

    /// <summary>The rows, each value typed as the model types it (see <see cref="ApplyResult"/>).</summary>
    public static List<object?[]> Read(SqliteCommand command, ApplyQuery apply)
    {
        var types = apply.GroupBy.Select(g => SearchFields.Get(g).Type)
            .Concat(apply.Aggregates.Select(a => a.ResultType(a.Field is null ? null : SearchFields.Get(a.Field).Type)))
            .ToList();
        var rows = new List<object?[]>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            rows.Add(types.Select((type, i) => reader.IsDBNull(i) ? null : Value(reader, i, type)).ToArray());
        return rows;
    }

    private static string Aggregate(AggregateItem a)
    {
        var column = a.Field is null ? "" : "m." + SearchFields.Get(a.Field).Column;
        return a.Method switch
        {
            AggregateMethod.Count => "count(*)",
            AggregateMethod.Sum => $"coalesce(sum({column}), 0.0)", // over no values: 0, as on the database
            AggregateMethod.Average => $"avg({column})",
            AggregateMethod.Min => $"min({column})",
            AggregateMethod.Max => $"max({column})",
            _ => $"count(DISTINCT {column})",
        };
    }

    private static int IndexOf(ApplyQuery apply, string column) => apply.Columns.ToList().IndexOf(column);

    private static object Value(SqliteDataReader reader, int i, FieldType type) => type switch
    {
        FieldType.Int64 => reader.GetInt64(i),
        FieldType.Double => reader.GetDouble(i),
        FieldType.Guid => Guid.Parse(reader.GetString(i)),
        FieldType.DateTimeOffset => DateTimeOffset.Parse(reader.GetString(i), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        _ => reader.GetString(i),
    };
}
