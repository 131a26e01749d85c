using Microsoft.Data.Sqlite;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Resources;
using ResourceHub.Indexing.Documents;
using ResourceHub.Indexing.Fts;
using ResourceHub.Indexing.Tests.Conformance;
using ResourceHub.Query.Model;

namespace ResourceHub.Indexing.Tests.Fts;

/// <summary>Facets counted over value numbers equal the reference that groups the document rows in SQL.</summary>
public sealed class FtsFacetPassTests(FtsFixture fixture) : IClassFixture<FtsFixture>, IDisposable
{
    private static readonly VisibilityScope Teacher = VisibilityScope.For(new Caller("tina", "Tina", Roles.Teacher, "school9", []));
    private static readonly VisibilityScope Admin = VisibilityScope.For(new Caller("root", "Root", Roles.Admin, "", []));
    private static readonly VisibilityScope Expert = VisibilityScope.For(new Caller("erin", "Erin", Roles.Expert, "", ["physics"]));
    private static readonly string[] AllFacets = FtsFacetValues.Fields.Select(f => f.Name).ToArray();
    private readonly string _dir = Directory.CreateTempSubdirectory("rh-facets-").FullName;

    public static TheoryData<string?, int, int, int> Cases()
    {
        var data = new TheoryData<string?, int, int, int>();
        foreach (var text in new[] { null, "分数", "教学", "实验", "练习 -分数" })
            for (var scope = 0; scope < 3; scope++)
                for (var selection = 0; selection < 4; selection++)
                    for (var filter = 0; filter < 2; filter++)
                        data.Add(text, scope, selection, filter);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Counts_equal_the_sql_reference(string? text, int scope, int selection, int filter)
    {
        var selected = selection switch
        {
            0 => new Dictionary<string, IReadOnlyList<string>>(),
            1 => new() { ["Subject"] = ["physics", "chemistry", "math"] },
            2 => new() { ["Subject"] = ["math", "physics"], ["Kind"] = ["micro-lesson", "courseware"] },
            _ => new() { ["Topics"] = ["it-integration"], ["Stage"] = ["primary", "junior"], ["Tags"] = ["分数"] },
        };
        var request = new SearchRequest(
            new EntityQuery { Search = text, Top = 5, Filter = filter == 0 ? null : new CompareNode(new FieldRef("Stage", FieldType.String), CompareOperator.Ne, "senior") },
            new[] { Teacher, Admin, Expert }[scope], new FacetRequest(AllFacets, selected, Size: 4));
        var path = ((FtsSearchIndex)fixture.Index).Path;
        var numbers = await new FtsSearchIndex(path).SearchAsync(request);
        var sql = await new FtsSearchIndex(path, facetPass: FtsFacetPass.Sql).SearchAsync(request);
        foreach (var field in AllFacets)
            Assert.Equal(sql.Facets[field], numbers.Facets[field]);
        if (selection == 0)
            Assert.Contains(numbers.Facets.Values, buckets => buckets.Count > 0);
    }

    [Fact]
    public async Task Values_first_written_after_a_search_are_counted_and_removed_ones_are_not()
    {
        var index = new FtsSearchIndex(Path.Combine(_dir, "index.db"));
        await index.EnsureCreatedAsync();
        var a = Doc("圆的面积", "math", ["圆"]);
        var b = Doc("圆柱与圆锥", "physics", ["立体"]);
        await index.UpsertAsync([a]);
        var request = new SearchRequest(new EntityQuery { Search = "圆" }, Teacher, new FacetRequest(["Subject", "Tags"]));
        Assert.Equal(["math"], (await index.SearchAsync(request)).Facets["Subject"].Select(x => x.Code));

        await index.UpsertAsync([b, a with { Tags = ["圆", "面积"] }]);
        var after = await index.SearchAsync(request);
        Assert.Equal([("math", 1L), ("physics", 1L)], after.Facets["Subject"].Select(x => (x.Code, x.Count)));
        Assert.Equal(["圆", "立体", "面积"], after.Facets["Tags"].Select(x => x.Code));

        await index.DeleteAsync([b.Id]);
        var deleted = await index.SearchAsync(request);
        Assert.Equal(["math"], deleted.Facets["Subject"].Select(x => x.Code));
        Assert.Equal(["圆", "面积"], deleted.Facets["Tags"].Select(x => x.Code));
    }

    private static SearchDocument Doc(string title, string subject, string[] tags) => new()
    {
        Id = Guid.NewGuid(), Title = title, Subject = subject, Stage = "primary", Kind = "courseware", Tags = tags,
        Status = ResourceStatus.Published, OwnerOrg = "acme", CreatedBy = "alice",
    };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}
