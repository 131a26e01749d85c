using System.Globalization;
using System.Net;
using System.Text.Json;
using ResourceHub.Api.Resources;
using ResourceHub.Api.Tests.Query;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Resources;
using ResourceHub.Query.Model;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.OData.Querying;

/// <summary>
/// $apply without $search: the database's GROUP BY over HTTP against a LINQ-to-objects oracle over the same seeded
/// rows, as a vendor of one organisation (other organisations' drafts are not theirs to count).
/// </summary>
public abstract class ApplyBackendTests(string provider) : IAsyncLifetime
{
    private const int Rows = 600;
    private SeededResources _seeded = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _seeded = await SeededResources.StartAsync(provider, Rows, all =>
        {
            for (var i = 0; i < all.Count; i++)
            {
                // The seed leaves these empty; some stay null so aggregates must skip nulls.
                all[i].DurationSeconds = i % 4 == 0 ? null : 30 + i * 7 % 1200 + 0.25;
                all[i].QualityScore = i % 3 == 0 ? null : i * 37 % 1000 / 10.0;
            }
        });
        _client = _seeded.VendorClient();
    }

    public async Task DisposeAsync() => await _seeded.DisposeAsync();

    public static TheoryData<string> Queries() =>
    [
        "$apply=groupby((Subject,Stage),aggregate($count as N,Size with sum as Bytes))",
        "$apply=groupby((Kind),aggregate(Size with average as AvgSize,Size with min as MinSize,Size with max as MaxSize))",
        "$apply=groupby((Grade),aggregate(DurationSeconds with sum as Seconds,QualityScore with average as Quality,OwnerOrg with countdistinct as Orgs))",
        "$apply=groupby((Status,OwnerOrg),aggregate(CreatedAt with min as First,CreatedAt with max as Last))",
        "$apply=filter(Stage eq 'primary')/groupby((Subject),aggregate($count as N))",
        "$filter=Size gt 1000&$apply=filter(Topics/any(t: t eq 'ethics'))/groupby((Subject,Kind),aggregate(Size with sum as Bytes))&$orderby=Bytes desc&$top=5",
        "$apply=aggregate($count as N,Size with sum as Bytes,QualityScore with max as Best,Subject with countdistinct as Subjects)",
        "$apply=groupby((Subject,Stage,Kind))&$orderby=Kind desc&$skip=3&$top=10",
        "$apply=groupby((Grade),aggregate(QualityScore with min as Q))&$orderby=Q,Grade desc",
        "$apply=filter(Size lt 0)/aggregate($count as N,Size with sum as Bytes,Size with average as Avg,DurationSeconds with max as Longest)",
        "$apply=groupby((CreatedBy,Stage),aggregate(DurationSeconds with max as Longest,Grade with countdistinct as Grades))&$orderby=Longest desc",
        "$apply=filter(Status eq 'published')/groupby((Subject,Stage),aggregate($count as 资源数,Size with sum as 总字节))&$orderby=总字节 desc&$top=3",
        "$apply=filter(contains(Title,'面积') or Grade eq null)/groupby((RecommendationLevel,Subject),aggregate($count as N,DurationSeconds with average as AvgSeconds))",
        // The statistics page's cross table in one query: 学科 × 学段 × 类型 × owner organisation.
        "$apply=filter(Status in ('published','recommended'))/groupby((Subject,Stage,Kind,OwnerOrg),aggregate($count as Count))",
    ];

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Groups_match_the_oracle(string queryString)
    {
        var response = await _client.GetAsync("/odata/Resources?" + queryString);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var json = JsonDocument.Parse(text).RootElement;
        var (rows, apply) = TestQueries.TranslateApply("Resources", queryString, ResourceDefinition.Instance.Schema);
        var expected = Oracle(_seeded.VisibleToVendor, rows, apply);
        var actual = json.GetProperty("value").EnumerateArray().ToList();

        Assert.EndsWith($"$metadata#Resources({string.Join(",", apply.Columns)})", json.GetProperty("@odata.context").GetString());
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
            for (var c = 0; c < apply.Columns.Count; c++)
                AssertSame(expected[i][c], actual[i].GetProperty(apply.Columns[c]), $"row {i} {apply.Columns[c]}");
        if (!queryString.Contains("lt 0"))
            Assert.InRange(expected.Count, 1, 1000);
    }

    [Fact]
    public async Task Another_organisations_drafts_are_never_counted()
    {
        var json = JsonDocument.Parse(await _client.GetStringAsync("/odata/Resources?$apply=groupby((OwnerOrg,Status),aggregate($count as N))")).RootElement;
        var groups = json.GetProperty("value").EnumerateArray()
            .Select(r => (Org: r.GetProperty("OwnerOrg").GetString(), Status: r.GetProperty("Status").GetString())).ToList();
        Assert.Contains(("acme", "draft"), groups);
        Assert.DoesNotContain(groups, g => g.Org != "acme" && g.Status is "draft" or "submitted" or "retired");
        Assert.Contains(_seeded.All, r => r.OwnerOrg != "acme" && r.Status == "draft"); // there were some to leave out

        var total = JsonDocument.Parse(await _client.GetStringAsync("/odata/Resources?$apply=aggregate($count as N)")).RootElement;
        Assert.Equal(_seeded.VisibleToVendor.Count(), total.GetProperty("value")[0].GetProperty("N").GetInt64());
    }

    [Theory]
    [InlineData("$apply=compute(Size mul 2 as Twice)/groupby((Subject))", HttpStatusCode.NotImplemented)]
    [InlineData("$apply=groupby(rollup(Subject,Stage),aggregate($count as N))", HttpStatusCode.NotImplemented)]
    [InlineData("$apply=groupby((Owner/Name),aggregate($count as N))", HttpStatusCode.NotImplemented)]
    [InlineData("$apply=groupby((Subject),aggregate($count as N))/groupby((N))", HttpStatusCode.NotImplemented)]
    [InlineData("$apply=groupby((Subject),aggregate(Size with countdistinct as Sizes))", HttpStatusCode.NotImplemented)]
    [InlineData("$apply=groupby((NoSuch),aggregate($count as N))", HttpStatusCode.BadRequest)]
    [InlineData("$apply=groupby((Subject),aggregate(Title with sum as T))", HttpStatusCode.BadRequest)]
    [InlineData("$apply=groupby((Subject),aggregate($count as N))&$orderby=Stage", HttpStatusCode.BadRequest)]
    [InlineData("$apply=groupby((Subject)", HttpStatusCode.BadRequest)]
    public async Task Unserved_shapes_are_501_and_mistakes_400_with_a_chinese_message(string queryString, HttpStatusCode status)
    {
        var response = await _client.GetAsync("/odata/Resources?" + queryString);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        var error = JsonDocument.Parse(text).RootElement.GetProperty("error");
        Assert.Matches(@"^[^(]*\p{IsCJKUnifiedIdeographs}", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Count_path_and_other_sets_refuse_apply()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/odata/Resources/$count?$apply=aggregate($count as N)")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/odata/Courses?$apply=aggregate($count as N)")).StatusCode); // not an option of Courses
    }

    /// <summary>The same groups in plain LINQ: nulls skipped by every aggregate but $count, sorted with nulls lowest.</summary>
    private static List<object?[]> Oracle(IEnumerable<Resource> visible, EntityQuery rows, ApplyQuery apply)
    {
        var schema = ResourceDefinition.Instance.Schema;
        var evaluator = new ModelEvaluator<Resource>(schema, Get);
        var filtered = visible
            .Where(r => rows.Filter is null || evaluator.Test(rows.Filter, r, null))
            .Where(r => apply.Filter is null || evaluator.Test(apply.Filter, r, null))
            .ToList();
        var groups = apply.GroupBy.Count == 0
            ? [filtered]
            : filtered.GroupBy(r => string.Join("\u0001", apply.GroupBy.Select(g => Value(Get(r, g)) is { } v ? Convert.ToString(v, CultureInfo.InvariantCulture) : "\0")))
                .Select(g => g.ToList()).ToList();
        var result = groups.Select(g => apply.GroupBy.Select(f => Value(Get(g[0], f)))
            .Concat(apply.Aggregates.Select(a => Aggregate(g, a))).ToArray()).ToList();
        var columns = apply.Columns.ToList();
        result.Sort((x, y) =>
        {
            foreach (var key in apply.EffectiveOrder)
            {
                var i = columns.IndexOf(key.Field);
                var c = ModelEvaluator<Resource>.CompareValues(x[i], y[i]);
                if (c != 0)
                    return key.Descending ? -c : c;
            }
            return 0;
        });
        return result.Skip(apply.Skip ?? 0).Take(apply.Top ?? int.MaxValue).ToList();
    }

    private static object? Aggregate(List<Resource> group, AggregateItem a)
    {
        if (a.Method == AggregateMethod.Count)
            return (long)group.Count;
        var values = group.Select(r => Value(Get(r, a.Field!))).Where(v => v is not null).ToList();
        return a.Method switch
        {
            AggregateMethod.CountDistinct => (long)values.Distinct().Count(),
            AggregateMethod.Sum when values.FirstOrDefault() is double || IsDouble(a.Field!) => values.Sum(v => (double)v!),
            AggregateMethod.Sum => values.Sum(v => (long)v!),
            AggregateMethod.Average => values.Count == 0 ? null : values.Average(v => Convert.ToDouble(v, CultureInfo.InvariantCulture)),
            AggregateMethod.Min => values.Count == 0 ? null : values.Min(),
            _ => values.Count == 0 ? null : values.Max(),
        };
    }

    private static bool IsDouble(string field) => ResourceDefinition.Instance.Schema.Find(field)!.Type == FieldType.Double;

    private static void AssertSame(object? expected, JsonElement actual, string where)
    {
        switch (expected)
        {
            case null:
                Assert.True(actual.ValueKind == JsonValueKind.Null, $"{where}: expected null, got {actual}");
                break;
            case long n:
                Assert.True(actual.GetInt64() == n, $"{where}: expected {n}, got {actual}");
                break;
            case double d:
                Assert.True(Math.Abs(actual.GetDouble() - d) <= 1e-9 * Math.Max(1, Math.Abs(d)), $"{where}: expected {d}, got {actual}");
                break;
            case DateTimeOffset t:
                Assert.Equal(t, DateTimeOffset.Parse(actual.GetString()!, CultureInfo.InvariantCulture));
                break;
            default:
                Assert.Equal(Convert.ToString(expected, CultureInfo.InvariantCulture), actual.GetString());
                break;
        }
    }

    private static object? Value(object? v) => v switch
    {
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        int i => (long)i,
        _ => v,
    };

    private static object? Get(Resource r, string field) => ResourceDefinition.Instance.Fields.First(f => f.Name == field).Get(r);
}

public sealed class SqliteApplyBackendTests() : ApplyBackendTests(DatabaseOptions.Sqlite);

[Trait("Provider", "postgres")]
public sealed class PostgresApplyBackendTests() : ApplyBackendTests(DatabaseOptions.Postgres);
