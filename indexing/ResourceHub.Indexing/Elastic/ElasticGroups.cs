using System.Globalization;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.QueryDsl;
using ResourceHub.Indexing.Documents;
using ResourceHub.Query.Model;
using EsQuery = Elastic.Clients.Elasticsearch.QueryDsl.Query;
using EsSearchRequest = Elastic.Clients.Elasticsearch.SearchRequest;

namespace ResourceHub.Indexing.Elastic;

/// <summary>
/// An $apply over a search's matches as the client's typed size-0 search with aggregations, and its groups read back.
/// Grouped: one composite aggregation (a terms source per group property, missing_bucket so null is a group of its
/// own), each aggregate a metric sub-aggregation (sum, avg, min, max, cardinality; $count is the bucket's doc_count),
/// paged by after_key. When $orderby names only group properties the sources follow that order (missing_order puts
/// null lowest) and reading stops after $skip + $top groups; an $orderby on an aggregate needs every group, sorted
/// here (at most <see cref="MaxSortedGroups"/>). Not grouped: the metrics at the top level, $count from hits.total.
/// </summary>
public static class ElasticGroups
{
    /// <summary>The name of the composite aggregation; sources are g0…g4 (by group property), metrics a0…an (by aggregate).</summary>
    public const string Composite = "groups";

    public const int PageSize = 1000;

    /// <summary>
    /// cardinality keeps every distinct value's hash up to this many per group, so counts below it are exact (barring a
    /// 64-bit hash collision); above it ES switches to HyperLogLog++ and the count is approximate (typically within a few
    /// per cent). 40,000 is the most ES allows; memory grows with the values actually seen, not with the threshold.
    /// </summary>
    public const int PrecisionThreshold = 40_000;

    /// <summary>The most groups an $orderby on an aggregate may sort (each is read into memory first).</summary>
    public const int MaxSortedGroups = 100_000;

    /// <summary>Why this engine cannot group <paramref name="apply"/> (a field the index lacks, a filter(...) step the query DSL cannot express), or null.</summary>
    public static string? Unservable(ApplyQuery apply)
    {
        if (SearchAggregates.Unservable(apply) is { } reason)
            return reason;
        try
        {
            ElasticFilterRenderer.Render(apply.Filter);
            return null;
        }
        catch (SearchQueryException e)
        {
            return e.Message;
        }
    }

    /// <summary>True when the groups' order is the composite's own: $orderby names group properties only.</summary>
    public static bool KeyOrdered(ApplyQuery apply) => apply.OrderBy.All(o => apply.GroupBy.Contains(o.Field));

    /// <summary>One page of groups after <paramref name="after"/> (null: the first) over <paramref name="matches"/> narrowed by the filter(...) steps.</summary>
    public static EsSearchRequest Request(EsQuery matches, ApplyQuery apply, IReadOnlyDictionary<string, FieldValue>? after, int size)
    {
        var request = new EsSearchRequest
        {
            Size = 0,
            // Filter context: no document is scored (the text query ranks nothing here).
            Query = new BoolQuery { Filter = apply.Filter is null ? [matches] : [matches, ElasticFilterRenderer.Render(apply.Filter)] },
        };
        var metrics = Metrics(apply);
        if (apply.GroupBy.Count == 0)
        {
            request.TrackTotalHits = true; // $count of everything: exact beyond 10,000
            if (metrics.Count > 0)
                request.Aggregations = metrics;
            return request;
        }
        var composite = new CompositeAggregation { Size = size, Sources = Sources(apply) };
        if (after is not null)
            composite.After = after.ToDictionary(k => new Field(k.Key), k => k.Value);
        var groups = new Aggregation { Composite = composite };
        if (metrics.Count > 0)
            groups.Aggregations = metrics;
        request.Aggregations = new Dictionary<string, Aggregation> { [Composite] = groups };
        return request;
    }

    /// <summary>A page's groups (values in <see cref="ApplyQuery.Columns"/> order, typed as the model types them) and the key to continue after.</summary>
    public static (List<object?[]> Rows, IReadOnlyDictionary<string, FieldValue>? After) Read(SearchResponse<JsonObject> response, ApplyQuery apply)
    {
        if (apply.GroupBy.Count == 0)
        {
            var total = response.HitsMetadata?.Total?.Match(t => t!.Value, n => n) ?? 0;
            return ([Row(apply, new Dictionary<string, FieldValue>(), total, response.Aggregations)], null);
        }
        var groups = response.Aggregations?.GetComposite(Composite);
        var rows = groups?.Buckets.Select(b => Row(apply, b.Key, b.DocCount, b.Aggregations)).ToList() ?? [];
        return (rows, rows.Count == 0 ? null : groups!.AfterKey);
    }

    /// <summary>The groups in $orderby order, group properties breaking ties, null lowest (as the databases sort).</summary>
    public static List<object?[]> Sorted(IEnumerable<object?[]> rows, ApplyQuery apply)
    {
        var columns = apply.Columns.ToList();
        IOrderedEnumerable<object?[]>? sorted = null;
        foreach (var key in apply.EffectiveOrder)
        {
            var i = columns.IndexOf(key.Field);
            sorted = (sorted, key.Descending) switch
            {
                (null, false) => rows.OrderBy(r => r[i], NullsLowest.Instance),
                (null, true) => rows.OrderByDescending(r => r[i], NullsLowest.Instance),
                (_, false) => sorted.ThenBy(r => r[i], NullsLowest.Instance),
                _ => sorted.ThenByDescending(r => r[i], NullsLowest.Instance),
            };
        }
        return (sorted ?? rows).ToList();
    }

    private static List<KeyValuePair<string, CompositeAggregationSource>> Sources(ApplyQuery apply)
    {
        var order = KeyOrdered(apply) ? apply.EffectiveOrder : apply.GroupBy.Select(g => new OrderBy(g, false)).ToList();
        return order.Select(o => KeyValuePair.Create("g" + apply.GroupBy.ToList().IndexOf(o.Field), new CompositeAggregationSource
        {
            Terms = new CompositeTermsAggregation
            {
                Field = Column(o.Field),
                Order = o.Descending ? SortOrder.Desc : SortOrder.Asc,
                MissingBucket = true,
                MissingOrder = o.Descending ? MissingOrder.Last : MissingOrder.First,
            },
        })).ToList();
    }

    private static Dictionary<string, Aggregation> Metrics(ApplyQuery apply)
    {
        var metrics = new Dictionary<string, Aggregation>();
        for (var i = 0; i < apply.Aggregates.Count; i++)
        {
            var a = apply.Aggregates[i];
            if (a.Method == AggregateMethod.Count)
                continue; // the bucket's doc_count
            var column = new Field(Column(a.Field!));
            metrics["a" + i] = a.Method switch
            {
                AggregateMethod.Sum => new SumAggregation { Field = column },
                AggregateMethod.Average => new AverageAggregation { Field = column },
                AggregateMethod.Min => new MinAggregation { Field = column },
                AggregateMethod.Max => new MaxAggregation { Field = column },
                _ => new CardinalityAggregation { Field = column, PrecisionThreshold = PrecisionThreshold },
            };
        }
        return metrics;
    }

    private static string Column(string name)
    {
        var field = SearchFields.Get(name);
        return field == SearchFields.Title ? "title.raw" : field.Column;
    }

    private static object?[] Row(ApplyQuery apply, IReadOnlyDictionary<string, FieldValue> key, long count, AggregateDictionary? metrics)
    {
        var row = new object?[apply.Columns.Count];
        for (var i = 0; i < apply.GroupBy.Count; i++)
            row[i] = key.TryGetValue("g" + i, out var value) ? KeyValue(SearchFields.Get(apply.GroupBy[i]), value) : null;
        for (var i = 0; i < apply.Aggregates.Count; i++)
            row[apply.GroupBy.Count + i] = Metric(apply.Aggregates[i], "a" + i, count, metrics);
        return row;
    }

    // Over no values: sum 0 and countdistinct 0 (ES answers so too), average/min/max null.
    private static object? Metric(AggregateItem a, string name, long count, AggregateDictionary? metrics) => a.Method switch
    {
        AggregateMethod.Count => count,
        AggregateMethod.CountDistinct => metrics?.GetCardinality(name)?.Value ?? 0L,
        AggregateMethod.Sum => metrics?.GetSum(name)?.Value ?? 0d,
        AggregateMethod.Average => metrics?.GetAverage(name)?.Value,
        AggregateMethod.Min => Number(a.Field!, metrics?.GetMin(name)?.Value),
        _ => Number(a.Field!, metrics?.GetMax(name)?.Value),
    };

    /// <summary>ES answers dates as epoch milliseconds (it indexes them to the millisecond).</summary>
    private static object? Number(string field, double? value) =>
        value is not { } v ? null
        : SearchFields.Get(field).Type == FieldType.DateTimeOffset ? DateTimeOffset.FromUnixTimeMilliseconds((long)v)
        : v;

    private static object? KeyValue(SearchField field, FieldValue value) =>
        value.IsNull || value.Value is null ? null : field.Type switch
        {
            FieldType.Double => Convert.ToDouble(value.Value, CultureInfo.InvariantCulture),
            FieldType.DateTimeOffset => DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value.Value, CultureInfo.InvariantCulture)),
            FieldType.Guid => Guid.Parse(Convert.ToString(value.Value, CultureInfo.InvariantCulture)!),
            _ => Convert.ToString(value.Value, CultureInfo.InvariantCulture),
        };

    /// <summary>Null before every value; text by code point (ordinal), as SQLite and the FTS engine compare it.</summary>
    private sealed class NullsLowest : IComparer<object?>
    {
        public static readonly NullsLowest Instance = new();

        public int Compare(object? x, object? y) => (x, y) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            (string a, string b) => string.CompareOrdinal(a, b),
            _ => Comparer<object>.Default.Compare(x, y),
        };
    }
}
