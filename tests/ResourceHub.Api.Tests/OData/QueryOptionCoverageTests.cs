using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OData.Edm;
using ResourceHub.Api.OData;
using ResourceHub.Data;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.OData;

/// <summary>
/// Every collection the API serves either honours the query options it is sent or refuses them clearly: a $filter on
/// a property that does not exist is never answered with 200 and the unfiltered rows. Read from the model, so a set or
/// navigation added later is covered.
/// </summary>
public sealed class QueryOptionCoverageTests() : ApiTest(DatabaseOptions.Sqlite)
{
    private IEdmModel Model => Api.Services.GetRequiredService<ODataJsonWriter>().Model;

    private IEnumerable<string> Collections(Guid resource)
    {
        foreach (var set in Model.EntityContainer.EntitySets())
        {
            yield return $"/odata/{set.Name}";
            if (set.EntityType.Name != "Resource")
                continue;
            foreach (var nav in set.EntityType.NavigationProperties().Where(n => n.Type.IsCollection()))
                yield return $"/odata/{set.Name}({resource})/{nav.Name}";
        }
    }

    [Fact]
    public async Task No_collection_ignores_a_filter_it_cannot_apply()
    {
        await using (var db = Db.CreateContext())
        {
            db.Organizations.AddRange(ResourceSeed.Organizations());
            db.Resources.AddRange(ResourceSeed.Resources(1).Select(r => { r.Status = "published"; return r; }));
            await db.SaveChangesAsync();
        }
        Guid id;
        await using (var db = Db.CreateContext())
            id = db.Resources.Select(r => r.Id).Single();
        var admin = Api.ClientAs("root", "admin", ResourceSeed.PlatformOrg);
        var ignored = new List<string>();
        var served = 0;
        foreach (var url in Collections(id))
        {
            if ((await admin.GetAsync(url)).StatusCode != HttpStatusCode.OK)
                continue; // in the model for its type, not served as a collection of its own
            served++;
            var response = await admin.GetAsync(url + "?$filter=NoSuchProperty eq 1");
            if (response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.NotImplemented))
                ignored.Add($"{url} → {(int)response.StatusCode}");
        }
        Assert.True(ignored.Count == 0, string.Join("\n", ignored));
        Assert.True(served >= 15, $"only {served} collections answered");
    }

    [Fact]
    public async Task A_path_that_cannot_apply_an_option_refuses_it_in_Chinese_while_queryable_sets_apply_it()
    {
        var admin = Api.ClientAs("root", "admin", ResourceSeed.PlatformOrg);
        var refused = await admin.GetAsync("/odata/MediaJobs?$top=1&filter=State eq 'Failed'");
        Assert.Equal(HttpStatusCode.NotImplemented, refused.StatusCode);
        var message = System.Text.Json.JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement
            .GetProperty("error").GetProperty("message").GetString()!;
        Assert.StartsWith("/odata/MediaJobs 不支持查询选项 $top、$filter", message);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/odata/MediaJobs?$format=application/json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/odata/Resources?$top=1&$filter=Subject eq 'math'")).StatusCode);
    }
}
