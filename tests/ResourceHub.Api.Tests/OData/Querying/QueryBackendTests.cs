using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResourceHub.Api.Resources;
using ResourceHub.Api.Tests.Query;
using ResourceHub.Data;
using ResourceHub.Data.Querying;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Resources;
using ResourceHub.Query.Model;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.OData.Querying;

/// <summary>
/// The EF renderer on a real database against the in-memory oracle, over 1,200 seeded resources,
/// as a vendor of one organisation (so VisibilityScope is in play); and keyset paging over HTTP.
/// </summary>
public abstract class QueryBackendTests(string provider) : IAsyncLifetime
{
    private const int Rows = 1200;
    private static readonly Caller Vendor = SeededResources.Vendor;
    private SeededResources _seeded = null!;

    public async Task InitializeAsync() => _seeded = await SeededResources.StartAsync(provider, Rows);

    public async Task DisposeAsync() => await _seeded.DisposeAsync();

    public static TheoryData<string> Queries() =>
    [
        "$filter=Subject eq 'math'&$orderby=Title",
        "$filter=contains(Title,'面积')",
        "$filter=startswith(tolower(Title),'alg')&$orderby=CreatedAt desc",
        "$filter=endswith(Title,'7')",
        "$filter=contains(Title,'%_')",
        "$filter=contains(Title,'_')&$orderby=Size",
        "$filter=Size gt 50000 or Size eq null&$orderby=Size desc,Title",
        "$filter=Grade eq null&$orderby=CreatedAt desc",
        "$filter=Grade ne 'g3'&$orderby=Grade,Title desc",
        "$filter=year(CreatedAt) eq 2024 and month(CreatedAt) ge 6",
        "$filter=day(CreatedAt) lt 10&$orderby=UpdatedAt",
        "$filter=CreatedAt gt 2024-03-01T08:00:00%2B08:00",
        "$filter=Tags/any(t: t eq '圆')",
        "$filter=Tags/any(t: contains(t,'%'))",
        "$filter=Tags/all(t: startswith(t,'A'))",
        "$filter=Topics/any()",
        "$filter=not Topics/any()&$orderby=Kind desc,Grade",
        "$filter=Kind in ('micro-lesson','courseware') and not (Stage eq 'primary')",
        "$filter=length(Title) gt 12",
        "$filter=toupper(Kind) eq 'CASE'",
        "$filter=Title ge 'M' and Title lt 'n'",
        "$filter=Status eq 'draft'",
        "$filter=false",
        "$filter=(Subject eq 'math' or Subject eq 'chinese') and Size le 100000&$orderby=FileName desc",
        "$filter=OwnerOrg eq 'lumen' and Status in ('published','recommended')&$top=50&$skip=10",
        "$orderby=Grade desc,CreatedBy&$top=100",
        "$filter=Description eq null and Grade in ('G6','g6')",
        "$filter=Title eq @t or Kind eq @k&@t='Zeta 5'&@k='case'",
    ];

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Database_answers_like_the_oracle(string queryString)
    {
        var definition = ResourceDefinition.Instance;
        var query = TestQueries.Translate("Resources", queryString, definition.Schema);
        var renderer = new EfQueryRenderer<Resource>(definition.FieldMap);
        await using var context = _seeded.Db.CreateContext();
        var visible = context.Resources.Where(VisibilityScope.For(Vendor).ToExpression());
        var ordered = renderer.Order(renderer.Filter(visible, query.Filter), query);
        var actual = await (query.Top is { } top ? ordered.Take(top) : ordered).Select(r => r.Id).ToListAsync();

        var oracle = new ModelEvaluator<Resource>(definition.Schema, Get);
        var expected = oracle.Run(_seeded.VisibleToVendor, query).Select(r => r.Id).ToList();
        Assert.Equal(expected, actual);
        // Each query must select something and leave something out, or it tests little.
        if (!queryString.Contains("false"))
            Assert.InRange(expected.Count, 1, _seeded.All.Count - 1);
    }

    [Theory]
    [InlineData("$orderby=Title")]
    [InlineData("$orderby=Grade desc,Size")]
    [InlineData("$filter=Tags/any()&$orderby=CreatedAt desc")]
    [InlineData("$orderby=FileName,Kind desc&$top=130")]
    public async Task Pages_followed_by_nextLink_concatenate_to_the_full_result(string queryString)
    {
        var client = _seeded.VendorClient();
        client.DefaultRequestHeaders.Add("Prefer", "odata.maxpagesize=37");
        var seen = new List<Guid>();
        var url = "/odata/Resources?" + queryString + "&$select=Id";
        var pages = 0;
        while (url is not null)
        {
            var response = await client.GetAsync(url);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            Assert.Equal("odata.maxpagesize=37", response.Headers.GetValues("Preference-Applied").Single());
            var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            seen.AddRange(json.GetProperty("value").EnumerateArray().Select(e => e.GetProperty("Id").GetGuid()));
            url = json.TryGetProperty("@odata.nextLink", out var next) ? next.GetString() : null;
            pages++;
        }
        var query = TestQueries.Translate("Resources", queryString, ResourceDefinition.Instance.Schema);
        var expected = new ModelEvaluator<Resource>(ResourceDefinition.Instance.Schema, Get)
            .Run(_seeded.VisibleToVendor, query).Select(r => r.Id).ToList();
        Assert.Equal(expected.Count, seen.Distinct().Count());
        Assert.Equal(expected, seen);
        Assert.True(pages > 2, $"only {pages} pages");
    }

    [Fact]
    public async Task Count_and_dollar_count_apply_the_visibility_scope()
    {
        var client = _seeded.VendorClient();
        var expected = _seeded.All.Count(r => VisibilityScope.For(Vendor).Allows(r) && r.Subject == "math");
        Assert.Equal(expected.ToString(), await client.GetStringAsync("/odata/Resources/$count?$filter=Subject eq 'math'"));
        var json = JsonDocument.Parse(await client.GetStringAsync("/odata/Resources?$filter=Subject eq 'math'&$count=true&$top=1")).RootElement;
        Assert.Equal(expected, json.GetProperty("@odata.count").GetInt32());
        Assert.True(expected < _seeded.All.Count(r => r.Subject == "math"));
    }

    private static object? Get(Resource r, string field) => ResourceDefinition.Instance.Fields.First(f => f.Name == field).Get(r);
}

public sealed class SqliteQueryBackendTests() : QueryBackendTests(DatabaseOptions.Sqlite);

[Trait("Provider", "postgres")]
public sealed class PostgresQueryBackendTests() : QueryBackendTests(DatabaseOptions.Postgres);
