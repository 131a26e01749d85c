using Microsoft.Data.Sqlite;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Resources;
using ResourceHub.Indexing.Documents;
using ResourceHub.Indexing.Fts;
using ResourceHub.Indexing.Tests.Support;
using ResourceHub.Query.Model;

namespace ResourceHub.Indexing.Tests.Fts;

/// <summary>
/// The FTS engine's $apply (one GROUP BY over its matches) against a LINQ oracle over a generated corpus: many shapes,
/// two scopes, nulls in group keys and aggregated values, times with all seven fractional digits.
/// </summary>
public sealed class FtsApplyOracleTests : IAsyncLifetime
{
    private static readonly VisibilityScope Teacher = VisibilityScope.For(new Caller("tina", "Tina", Roles.Teacher, "school9", []));
    private static readonly VisibilityScope Admin = VisibilityScope.For(new Caller("root", "Root", Roles.Admin, "", []) { Region = AdminRegion.Platform });
    private readonly string _dir = Directory.CreateTempSubdirectory("rh-apply-").FullName;
    private FtsSearchIndex _index = null!;
    private List<SearchDocument> _docs = [];

    public async Task InitializeAsync()
    {
        var random = new Random(16);
        string Pick(params string[] values) => values[random.Next(values.Length)];
        var start = new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        _docs = Enumerable.Range(0, 600).Select(i => new SearchDocument
        {
            Id = Guid.NewGuid(),
            Title = (i % 3 == 0 ? "几何练习 " : "分数练习 ") + i,
            Kind = Pick("courseware", "micro-lesson", "lesson-design"),
            Subject = Pick("math", "physics", "chinese"),
            Stage = Pick("primary", "junior", "senior"),
            Grade = random.Next(3) == 0 ? null : Pick("g3", "g7", "g8"),
            Status = Pick(ResourceStatus.Published, ResourceStatus.Published, ResourceStatus.Draft, ResourceStatus.Recommended),
            RecommendationLevel = random.Next(2) == 0 ? null : Pick("school", "county", "national"),
            QualityScore = random.Next(4) == 0 ? null : Math.Round(random.NextDouble() * 100, 2),
            OwnerOrg = Pick("acme", "lumen"),
            CreatedBy = Pick("tina", "alice", "bob"),
            CreatedAt = start.AddTicks(random.NextInt64(TimeSpan.TicksPerDay * 300)),
            UpdatedAt = start.AddDays(300).AddTicks(random.NextInt64(TimeSpan.TicksPerDay * 30)),
        }).ToList();
        _index = new FtsSearchIndex(Path.Combine(_dir, "index.db"));
        await _index.EnsureCreatedAsync();
        Assert.True((await _index.UpsertAsync(_docs)).AllSucceeded);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }

    private static AggregateItem Agg(AggregateMethod method, string? field, string alias) => new(method, field, alias);
    private static CompareNode Eq(string field, object? value) => new(new FieldRef(field, FieldType.String), CompareOperator.Eq, value);

    private static readonly AggregateItem[] Everything =
    [
        Agg(AggregateMethod.Count, null, "N"), Agg(AggregateMethod.Sum, "QualityScore", "Q"), Agg(AggregateMethod.Average, "QualityScore", "QA"),
        Agg(AggregateMethod.Min, "QualityScore", "QMin"), Agg(AggregateMethod.Max, "QualityScore", "QMax"),
        Agg(AggregateMethod.Min, "CreatedAt", "First"), Agg(AggregateMethod.Max, "UpdatedAt", "Last"),
        Agg(AggregateMethod.CountDistinct, "CreatedBy", "People"), Agg(AggregateMethod.CountDistinct, "Grade", "Grades"),
    ];

    /// <summary>Shapes with the predicate the oracle applies for their filter(...) step.</summary>
    public static TheoryData<int> Shapes() => new(Enumerable.Range(0, ShapeList.Length));

    private static readonly (ApplyQuery Apply, Func<SearchDocument, bool> Filter)[] ShapeList =
    [
        (new ApplyQuery { GroupBy = ["Subject"], Aggregates = Everything }, _ => true),
        (new ApplyQuery { GroupBy = ["Subject", "Stage", "Kind", "Grade", "RecommendationLevel"], Aggregates = [Agg(AggregateMethod.Count, null, "N")] }, _ => true),
        (new ApplyQuery { GroupBy = ["Grade"], Aggregates = Everything, OrderBy = [new OrderBy("Grade", true)] }, _ => true),
        (new ApplyQuery { GroupBy = ["RecommendationLevel", "Stage"], Aggregates = [Agg(AggregateMethod.Average, "QualityScore", "QA")], OrderBy = [new OrderBy("QA", true)], Top = 4, Skip = 2 }, _ => true),
        (new ApplyQuery { Aggregates = Everything }, _ => true),
        (new ApplyQuery { Aggregates = Everything, Filter = Eq("Subject", "nothing") }, d => d.Subject == "nothing"),
        (new ApplyQuery { GroupBy = ["Kind"], Aggregates = Everything, Filter = new LogicalNode(LogicalOperator.And, Eq("Stage", "junior"), new NotNode(Eq("Grade", null))) },
            d => d.Stage == "junior" && d.Grade is not null),
        (new ApplyQuery { GroupBy = ["CreatedBy", "OwnerOrg"], Aggregates = [Agg(AggregateMethod.Max, "QualityScore", "Best")], OrderBy = [new OrderBy("Best", false), new OrderBy("OwnerOrg", true)] }, _ => true),
        (new ApplyQuery { GroupBy = ["Status"], OrderBy = [new OrderBy("Status", true)], Skip = 1 }, _ => true),
        (new ApplyQuery { GroupBy = ["QualityScore"], Aggregates = [Agg(AggregateMethod.Count, null, "N")], OrderBy = [new OrderBy("N", true)], Top = 10 }, _ => true),
        (new ApplyQuery { GroupBy = ["Subject"], Aggregates = [Agg(AggregateMethod.Count, null, "N")], Top = 0 }, _ => true),
    ];

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Groups_equal_the_LINQ_oracle(int shape)
    {
        var (apply, filter) = ShapeList[shape];
        foreach (var (scope, visible) in new (VisibilityScope, Func<SearchDocument, bool>)[]
                 {
                     (Admin, _ => true),
                     (Teacher, d => d.Status is ResourceStatus.Published or ResourceStatus.Recommended || d.CreatedBy == "tina"),
                 })
        {
            var matches = _docs.Where(d => d.Title.Contains("分数", StringComparison.Ordinal) && visible(d) && filter(d)).ToList();
            var expected = ApplyOracle.Run(matches, apply);
            var actual = await _index.AggregateAsync(new AggregateRequest(new SearchRequest(new EntityQuery { Search = "分数" }, scope), apply, 1000));
            Assert.Equal(ApplyOracle.Text(expected), ApplyOracle.Text(actual!));
            Assert.Equal(expected.More, actual!.More);
            Assert.Equal(apply.Columns, actual.Columns);
        }
    }

    [Fact]
    public async Task The_group_limit_cuts_and_says_more()
    {
        var apply = new ApplyQuery { GroupBy = ["CreatedBy", "Subject", "Stage"], Aggregates = [Agg(AggregateMethod.Count, null, "N")] };
        var request = new AggregateRequest(new SearchRequest(new EntityQuery { Search = "分数" }, Admin), apply, 5);
        var result = await _index.AggregateAsync(request);
        var expected = ApplyOracle.Run(_docs.Where(d => d.Title.Contains("分数", StringComparison.Ordinal)), apply, 5);
        Assert.Equal(5, result!.Rows.Count);
        Assert.True(result.More);
        Assert.Equal(ApplyOracle.Text(expected), ApplyOracle.Text(result));
        Assert.IsType<DateTimeOffset>((await _index.AggregateAsync(request with { Apply = new ApplyQuery { Aggregates = [Agg(AggregateMethod.Min, "CreatedAt", "T")] } }))!.Rows[0][0]);
    }
}
