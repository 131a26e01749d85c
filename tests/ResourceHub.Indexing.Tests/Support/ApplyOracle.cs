using System.Globalization;
using ResourceHub.Indexing.Documents;
using ResourceHub.Query.Model;

namespace ResourceHub.Indexing.Tests.Support;

/// <summary>
/// An $apply computed with LINQ over documents, as the query model defines it: null is a group, nulls are skipped by
/// aggregates (sum over none 0, average/min/max null), sorted by the effective order with null lowest and text by code
/// point, then $skip and $top (or the group limit). Engines' answers are compared with it.
/// </summary>
public static class ApplyOracle
{
    public static ApplyResult Run(IEnumerable<SearchDocument> documents, ApplyQuery apply, int maxGroups = 1000)
    {
        var docs = documents.ToList();
        var groups = apply.GroupBy.Count == 0
            ? [docs]
            : docs.GroupBy(d => string.Join("\u0001", apply.GroupBy.Select(g => Key(Value(d, g))))).Select(g => g.ToList()).ToList();
        var rows = groups.Select(g => apply.GroupBy.Select(p => Value(g[0], p))
            .Concat(apply.Aggregates.Select(a => Aggregate(g, a))).ToArray()).ToList();
        var columns = apply.Columns.ToList();
        IOrderedEnumerable<object?[]>? sorted = null;
        foreach (var key in apply.EffectiveOrder)
        {
            var i = columns.IndexOf(key.Field);
            sorted = sorted is null
                ? key.Descending ? rows.OrderByDescending(r => r[i], Comparer.Instance) : rows.OrderBy(r => r[i], Comparer.Instance)
                : key.Descending ? sorted.ThenByDescending(r => r[i], Comparer.Instance) : sorted.ThenBy(r => r[i], Comparer.Instance);
        }
        var all = (sorted ?? (IEnumerable<object?[]>)rows).Skip(apply.Skip ?? 0).ToList();
        var take = Math.Min(maxGroups, apply.Top ?? int.MaxValue);
        return new ApplyResult(apply.Columns, all.Take(take).ToList(), all.Count > take && apply.Top is null);
    }

    /// <summary>Rows as text for comparing: doubles to 9 significant digits (engines add in their own order), times in UTC.</summary>
    public static List<string> Text(ApplyResult result) =>
        result.Rows.Select(r => string.Join(" | ", r.Select(v => v switch
        {
            null => "null",
            double d => d.ToString("G9", CultureInfo.InvariantCulture),
            DateTimeOffset t => t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            _ => Convert.ToString(v, CultureInfo.InvariantCulture),
        }))).ToList();

    public static object? Value(SearchDocument d, string field) => field switch
    {
        "Id" => d.Id,
        "Title" => d.Title,
        "Kind" => d.Kind,
        "Subject" => d.Subject,
        "Stage" => d.Stage,
        "Grade" => d.Grade,
        "Status" => d.Status,
        "RecommendationLevel" => d.RecommendationLevel,
        "QualityScore" => d.QualityScore,
        "OwnerOrg" => d.OwnerOrg,
        "CreatedBy" => d.CreatedBy,
        "CreatedAt" => new DateTimeOffset(DateTime.SpecifyKind(d.CreatedAt, DateTimeKind.Utc)),
        "UpdatedAt" => new DateTimeOffset(DateTime.SpecifyKind(d.UpdatedAt, DateTimeKind.Utc)),
        _ => throw new ArgumentException($"no field {field} in the oracle"),
    };

    private static string Key(object? value) => value is null ? "\u0000null" : Convert.ToString(value, CultureInfo.InvariantCulture)!;

    private static object? Aggregate(List<SearchDocument> group, AggregateItem a)
    {
        if (a.Method == AggregateMethod.Count)
            return (long)group.Count;
        var values = group.Select(d => Value(d, a.Field!)).Where(v => v is not null).ToList();
        return a.Method switch
        {
            AggregateMethod.CountDistinct => (long)values.Distinct().Count(),
            AggregateMethod.Sum => values.Sum(v => (double)v!),
            AggregateMethod.Average => values.Count == 0 ? null : values.Average(v => (double)v!),
            AggregateMethod.Min => values.Count == 0 ? null : values.Min(Comparer.Instance),
            _ => values.Count == 0 ? null : values.Max(Comparer.Instance),
        };
    }

    private sealed class Comparer : IComparer<object?>
    {
        public static readonly Comparer Instance = new();

        public int Compare(object? x, object? y) => (x, y) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            (string s, string t) => string.CompareOrdinal(s, t),
            _ => Comparer<object>.Default.Compare(x, y),
        };
    }
}
