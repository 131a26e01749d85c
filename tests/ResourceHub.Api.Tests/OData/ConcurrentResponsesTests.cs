using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OData;
using ResourceHub.Api.OData;
using ResourceHub.Data;
using ResourceHub.Domain.Resources;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.OData;

/// <summary>Responses written at the same time must not share ODL writer state (context URL, selection, body).</summary>
public sealed class ConcurrentResponsesTests() : ApiTest(DatabaseOptions.Sqlite)
{
    [Fact]
    public void Each_writer_gets_its_own_settings_object()
    {
        var container = ODataServices.Container;
        Assert.NotSame(container.GetService(typeof(ODataMessageWriterSettings)), container.GetService(typeof(ODataMessageWriterSettings)));
    }

    /// <summary>ODL 8 registers its per-message services (writer settings among them) as scoped; we resolve from the root.</summary>
    [Fact]
    public void Every_service_ODL_scopes_per_request_is_fresh_on_each_resolution()
    {
        var scoped = new ServiceCollection().AddDefaultODataServices()
            .Where(d => d.Lifetime == Microsoft.Extensions.DependencyInjection.ServiceLifetime.Scoped).Select(d => d.ServiceType).ToList();
        Assert.Contains(typeof(ODataMessageWriterSettings), scoped);
        Assert.All(scoped, type => Assert.NotSame(ODataServices.Container.GetService(type), ODataServices.Container.GetService(type)));
    }

    [Fact]
    public async Task Parallel_requests_with_different_selections_each_get_their_own_payload()
    {
        await using (var db = Db.CreateContext())
        {
            db.Resources.Add(new Resource
            {
                Id = Guid.NewGuid(), Title = "圆的面积", Kind = "courseware", Subject = "math", Stage = "primary", OwnerOrg = "acme",
                CreatedBy = "alice", Status = ResourceStatus.Published, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        var client = Api.ClientAs("tina", "teacher", "school1");
        string[] selections = ["Title", "Subject", "Stage", "Kind", "Title,Subject", "Stage,Kind"];

        var results = await Task.WhenAll(Enumerable.Range(0, 120).Select(async i =>
        {
            var select = selections[i % selections.Length];
            var text = await client.GetStringAsync($"/odata/Resources?$select={select}");
            return (select, text);
        }));

        foreach (var (select, text) in results)
        {
            var json = JsonDocument.Parse(text).RootElement; // throws on an empty or doubled body
            Assert.EndsWith($"$metadata#Resources({select})", json.GetProperty("@odata.context").GetString());
            var entity = json.GetProperty("value")[0];
            Assert.Equal(select.Split(',').Order(), entity.EnumerateObject().Select(p => p.Name).Where(n => !n.StartsWith('@')).Order());
        }
    }
}
