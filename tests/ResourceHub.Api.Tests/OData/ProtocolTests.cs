using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ResourceHub.Data;
using ResourceHub.Domain.Resources;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.OData;

/// <summary>Protocol behaviour clients rely on: documents, negotiation, errors, preconditions, Courses, Organizations, $batch.</summary>
public sealed class ProtocolTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private ApiFactory _api = null!;
    private Resource _published = null!;
    private Resource _foreignDraft = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        var seed = ResourceSeed.Resources(40).ToList();
        _published = seed.First(r => r.Status == ResourceStatus.Published);
        _foreignDraft = seed.First(r => r.Status == ResourceStatus.Draft && r.OwnerOrg != "acme");
        await using (var context = _db.CreateContext())
        {
            context.Organizations.AddRange(ResourceSeed.Organizations());
            context.Resources.AddRange(seed);
            await context.SaveChangesAsync();
        }
        _api = await ApiFactory.StartAsync(_db, new Dictionary<string, string?> { ["ResourceHub:OData:RequireIfMatch"] = "true" });
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _db.DisposeAsync();
    }

    private HttpClient Vendor => _api.ClientAs("alice", "vendor", "acme");

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task Metadata_is_xml_by_default_and_json_on_request_and_406_otherwise()
    {
        var client = _api.ClientAs(null);
        var xml = await client.GetAsync("/odata/$metadata");
        Assert.Equal("application/xml", xml.Content.Headers.ContentType?.MediaType);
        var csdl = await xml.Content.ReadAsStringAsync();
        Assert.Contains("NavigationProperty Name=\"Items\"", csdl);
        Assert.Contains("ContainsTarget=\"true\"", csdl);

        var json = await Json(await client.GetAsync("/odata/$metadata?$format=json"));
        Assert.True(json.GetProperty("ResourceHub").GetProperty("Course").GetProperty("Items").GetProperty("$ContainsTarget").GetBoolean());
        var accept = new HttpRequestMessage(HttpMethod.Get, "/odata/$metadata");
        accept.Headers.Accept.ParseAdd("application/json");
        Assert.Equal("application/json", (await client.SendAsync(accept)).Content.Headers.ContentType?.MediaType);

        var pdf = new HttpRequestMessage(HttpMethod.Get, "/odata/$metadata");
        pdf.Headers.Accept.ParseAdd("application/pdf");
        var refused = await client.SendAsync(pdf);
        Assert.Equal(HttpStatusCode.NotAcceptable, refused.StatusCode);
        Assert.Equal("NotAcceptable", (await Json(refused)).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotAcceptable, (await Vendor.GetAsync("/odata/Resources?$format=atom")).StatusCode);
        var bogus = new HttpRequestMessage(HttpMethod.Get, "/odata/Resources?$top=1");
        bogus.Headers.TryAddWithoutValidation("Accept", "application/json;odata.metadata=bogus");
        Assert.Equal(HttpStatusCode.NotAcceptable, (await Vendor.SendAsync(bogus)).StatusCode);
    }

    [Fact]
    public async Task Each_row_links_its_file_by_its_own_absolute_value_url()
    {
        var rows = (await Json(await Vendor.GetAsync("/odata/Resources?$top=50&$select=Id&$format=application/json;odata.metadata=full")))
            .GetProperty("value").EnumerateArray().ToList();
        Assert.True(rows.Count >= 10);
        foreach (var row in rows)
            Assert.Equal($"http://localhost/odata/Resources({row.GetProperty("Id").GetString()})/$value",
                row.GetProperty("@odata.mediaReadLink").GetString());
    }

    [Fact]
    public async Task Service_document_lists_the_sets_and_versions_are_negotiated()
    {
        var doc = await Json(await _api.ClientAs(null).GetAsync("/odata/"));
        var sets = doc.GetProperty("value").EnumerateArray().Select(v => v.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Resources", "Courses", "Organizations"], sets.Take(3));
        Assert.Contains("Reviews", sets);
        var old = new HttpRequestMessage(HttpMethod.Get, "/odata/Resources");
        old.Headers.Add("OData-MaxVersion", "3.0");
        Assert.Equal(HttpStatusCode.BadRequest, (await Vendor.SendAsync(old)).StatusCode);
        var ok = await Vendor.GetAsync("/odata/Resources?$top=1");
        Assert.Equal("4.0", ok.Headers.GetValues("OData-Version").Single());
    }

    [Fact]
    public async Task Context_url_lists_the_selection_and_search_is_501_outside_resources()
    {
        var json = await Json(await Vendor.GetAsync("/odata/Resources?$select=Title,Kind&$top=1"));
        Assert.EndsWith("$metadata#Resources(Title,Kind)", json.GetProperty("@odata.context").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Vendor.GetAsync("/odata/Resources?$search=圆")).StatusCode);
        var search = await Vendor.GetAsync("/odata/Courses?$search=圆");
        Assert.Equal(HttpStatusCode.NotImplemented, search.StatusCode);
        Assert.Equal("$search", (await Json(search)).GetProperty("error").GetProperty("target").GetString());
    }

    [Fact]
    public async Task Chinese_is_written_unescaped()
    {
        var body = await Vendor.GetStringAsync("/odata/Organizations('acme')");
        Assert.Contains("\"Name\":\"机构 acme\"", body);
    }

    /// <summary>ODL writes through System.Text.Json with relaxed escaping: whatever it escapes must still read back as written.</summary>
    [Fact]
    public async Task Text_that_JSON_must_escape_reads_back_as_written()
    {
        const string title = "引号\"反斜杠\\制表\t换行\n<b>&amp; 𠮷野家 \u2028 末";
        var created = await Vendor.PostAsJsonAsync("/odata/Resources", new { Kind = "micro-lesson", Title = title, Subject = "math", Stage = "primary" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await Vendor.GetStringAsync(created.Headers.Location);
        Assert.Equal(title, JsonDocument.Parse(body).RootElement.GetProperty("Title").GetString());
        Assert.Contains("引号", body);
    }

    [Fact]
    public async Task Writes_without_if_match_are_428_when_required()
    {
        var location = (await Vendor.PostAsJsonAsync("/odata/Resources", new
        {
            Kind = "micro-lesson", Title = "测试", Subject = "math", Stage = "primary",
        })).Headers.Location!;
        var blind = await Vendor.PatchAsJsonAsync(location, new { Title = "盲改" });
        Assert.Equal(HttpStatusCode.PreconditionRequired, blind.StatusCode);
        var patch = new HttpRequestMessage(HttpMethod.Patch, location) { Content = JsonContent.Create(new { Title = "改" }) };
        patch.Headers.IfMatch.Add(EntityTagHeaderValue.Parse("W/\"1\""));
        Assert.Equal(HttpStatusCode.NoContent, (await Vendor.SendAsync(patch)).StatusCode);
    }

    [Fact]
    public async Task Course_items_must_name_visible_resources_and_expand_respects_visibility()
    {
        var host = _api.ClientAs("hank", "workshop-host", "acme");
        var bad = await host.PostAsJsonAsync("/odata/Courses", new
        {
            Title = "信息技术 2.0 研修", Kind = "required", CreditHours = 12.5, Subject = "math", Stage = "primary",
            Items = new object[] { new { ResourceId = _published.Id }, new { ResourceId = _foreignDraft.Id }, new { ResourceId = Guid.NewGuid() } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var details = (await Json(bad)).GetProperty("error").GetProperty("details").EnumerateArray().Select(d => d.GetProperty("target").GetString()).ToList();
        Assert.Equal(["Items[1]/ResourceId", "Items[2]/ResourceId"], details);

        var created = await host.PostAsJsonAsync("/odata/Courses", new
        {
            Title = "信息技术 2.0 研修", Kind = "required", CreditHours = 12.5, Subject = "math", Stage = "primary",
            Items = new object[] { new { ResourceId = _published.Id } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!;
        Assert.Equal(location.ToString(), created.Headers.GetValues("OData-EntityId").Single());

        var expanded = await Json(await host.GetAsync(location + "?$expand=Items($expand=Resource($select=Title))"));
        var item = Assert.Single(expanded.GetProperty("Items").EnumerateArray());
        Assert.Equal(_published.Title, item.GetProperty("Resource").GetProperty("Title").GetString());

        var stale = new HttpRequestMessage(HttpMethod.Patch, location) { Content = JsonContent.Create(new { Items = Array.Empty<object>() }) };
        stale.Headers.IfMatch.Add(EntityTagHeaderValue.Parse("W/\"7\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await host.SendAsync(stale)).StatusCode);
        var other = _api.ClientAs("zed", "vendor", "lumen");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.DeleteAsync(location)).StatusCode);
    }

    [Fact]
    public async Task Organizations_are_read_by_all_and_written_by_admins()
    {
        var teacher = _api.ClientAs("t", "teacher", "school1");
        var list = await Json(await teacher.GetAsync("/odata/Organizations?$orderby=Code desc"));
        Assert.Equal("north", list.GetProperty("value")[0].GetProperty("Code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden,
            (await teacher.PostAsJsonAsync("/odata/Organizations", new { Code = "x", Name = "X", Kind = "school", Tier = "school" })).StatusCode);
        var admin = _api.ClientAs("root", "admin", ResourceSeed.PlatformOrg);
        var created = await admin.PostAsJsonAsync("/odata/Organizations", new { Code = "sz-1", Name = "深圳一中", Kind = "school", Tier = "school" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.EndsWith("Organizations('sz-1')", created.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Batch_runs_gets_and_rolls_back_a_failed_atomicity_group()
    {
        var admin = _api.ClientAs("root", "admin", ResourceSeed.PlatformOrg);
        var batch = new
        {
            requests = new object[]
            {
                new { id = "1", method = "GET", url = "Resources?$top=2&$select=Title" },
                new { id = "2", method = "POST", url = "Organizations", atomicityGroup = "g", body = new { Code = "b1", Name = "批一", Kind = "school", Tier = "school" } },
                new { id = "3", method = "POST", url = "Organizations", atomicityGroup = "g", body = new { Code = "b2", Name = "", Kind = "school", Tier = "school" } },
                new { id = "4", method = "GET", url = "/odata/Organizations('b1')", dependsOn = new[] { "1" } },
                new { id = "5", method = "GET", url = "Nope" },
            },
        };
        var response = await admin.PostAsync("/odata/$batch", new StringContent(JsonSerializer.Serialize(batch), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var parts = (await Json(response)).GetProperty("responses").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!, r => r);
        Assert.Equal(200, parts["1"].GetProperty("status").GetInt32());
        Assert.Equal(2, parts["1"].GetProperty("body").GetProperty("value").GetArrayLength());
        Assert.Equal(424, parts["2"].GetProperty("status").GetInt32());
        Assert.Equal(400, parts["3"].GetProperty("status").GetInt32());
        Assert.Equal(404, parts["4"].GetProperty("status").GetInt32()); // b1 was rolled back
        Assert.Equal(404, parts["5"].GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Batch_parts_see_only_what_the_caller_may_see()
    {
        var vendor = _api.ClientAs("bob", "vendor", "lumen");
        var batch = new { requests = new object[] { new { id = "a", method = "GET", url = "Resources/$count?$filter=Status eq 'draft'" } } };
        var response = await vendor.PostAsync("/odata/$batch", new StringContent(JsonSerializer.Serialize(batch), Encoding.UTF8, "application/json"));
        var count = (await Json(response)).GetProperty("responses")[0].GetProperty("body").GetString();
        await using var context = _db.CreateContext();
        Assert.Equal(context.Resources.Count(r => r.Status == "draft" && r.OwnerOrg == "lumen").ToString(), count);
    }
}
