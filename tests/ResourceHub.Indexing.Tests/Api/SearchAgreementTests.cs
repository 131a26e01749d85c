using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ResourceHub.Data;
using ResourceHub.Domain.Organizations;
using ResourceHub.Domain.Resources;
using ResourceHub.Indexing.Pipeline;
using ResourceHub.Testing;

namespace ResourceHub.Indexing.Tests.Api;

/// <summary>
/// Counts, facets and suggestions come from the index alone, rows are re-checked against the database: a change
/// that narrows who sees an item must reach the index before the request that made it answers, or they disagree.
/// The background indexer is off here, so only that synchronous path can make them agree.
/// </summary>
public abstract class SearchAgreementTests(string provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private ApiFactory _api = null!;
    private readonly List<Guid> _ids = [];

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(provider);
        _api = await ApiFactory.StartAsync(_db, new Dictionary<string, string?>
        {
            ["ResourceHub:Search:Indexer:Enabled"] = "false", ["Logging:LogLevel:Default"] = "Warning",
        });
        await using (var db = _db.CreateContext())
        {
            db.Organizations.Add(new Organization { Code = "ah-edu", Name = "安徽省教育厅", Kind = "region", Tier = "province" });
            db.Organizations.Add(new Organization { Code = "acme", Name = "示范机构", Kind = "vendor", Tier = "county", ParentCode = "ah-edu" });
            foreach (var (title, status) in new[] { ("分数的初步认识", ResourceStatus.Published), ("分数加法", ResourceStatus.Published), ("分数草稿", ResourceStatus.Draft) })
            {
                var resource = new Resource
                {
                    Id = Guid.NewGuid(), Title = title, Subject = "math", Stage = "primary", Kind = "courseware", Status = status,
                    OwnerOrg = "acme", CreatedBy = "alice", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                };
                _ids.Add(resource.Id);
                db.Resources.Add(resource);
            }
            await db.SaveChangesAsync();
        }
        using var scope = _api.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<DocumentSync>().SyncAsync(scope.ServiceProvider.GetRequiredService<ISearchIndex>(), _ids, default);
        Assert.True(result.AllSucceeded);
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _db.DisposeAsync();
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>(rows, @odata.count, /$count, the math facet, suggestions) for one caller.</summary>
    private static async Task<(int Rows, long Count, long CountPath, long Facet, int Suggested)> Figures(HttpClient client)
    {
        var page = await Json(await client.GetAsync("/odata/Resources?$search=分数&$count=true&facets=Subject"));
        var facet = page.GetProperty("@ResourceHub.facets").GetProperty("Subject").EnumerateArray()
            .Where(b => b.GetProperty("Code").GetString() == "math").Select(b => b.GetProperty("Count").GetInt64()).FirstOrDefault();
        var countPath = long.Parse(await (await client.GetAsync("/odata/Resources/$count?$search=分数")).Content.ReadAsStringAsync());
        var suggested = (await Json(await client.GetAsync("/odata/Suggest?prefix=分数"))).GetProperty("value").GetArrayLength();
        return (page.GetProperty("value").GetArrayLength(), page.GetProperty("@odata.count").GetInt64(), countPath, facet, suggested);
    }

    protected async Task Retiring_an_item_updates_counts_facets_and_suggestions_before_the_answer()
    {
        var teacher = _api.ClientAs("tina", "teacher", "school9");
        Assert.Equal((2, 2L, 2L, 2L, 2), await Figures(teacher));
        var retire = await _api.ClientAs("root", "admin", "ah-edu").PostAsJsonAsync($"/odata/Resources({_ids[0]})/Retire", new { reason = "内容陈旧" });
        Assert.Equal(HttpStatusCode.OK, retire.StatusCode);
        Assert.Equal((1, 1L, 1L, 1L, 1), await Figures(teacher));
    }

    protected async Task Deleting_a_draft_updates_its_owners_counts_before_the_answer()
    {
        var vendor = _api.ClientAs("alice", "vendor", "acme");
        Assert.Equal((3, 3L, 3L, 3L, 3), await Figures(vendor));
        Assert.Equal(HttpStatusCode.NoContent, (await vendor.DeleteAsync($"/odata/Resources({_ids[2]})")).StatusCode);
        Assert.Equal((2, 2L, 2L, 2L, 2), await Figures(vendor));
    }
}

public sealed class SqliteSearchAgreementTests() : SearchAgreementTests(DatabaseOptions.Sqlite)
{
    [Fact] public Task Retire() => Retiring_an_item_updates_counts_facets_and_suggestions_before_the_answer();
    [Fact] public Task Delete() => Deleting_a_draft_updates_its_owners_counts_before_the_answer();
}

[Trait("Provider", "postgres")]
public sealed class PostgresSearchAgreementTests() : SearchAgreementTests(DatabaseOptions.Postgres)
{
    [PostgresFact] public Task Retire() => Retiring_an_item_updates_counts_facets_and_suggestions_before_the_answer();
    [PostgresFact] public Task Delete() => Deleting_a_draft_updates_its_owners_counts_before_the_answer();
}
