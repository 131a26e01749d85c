using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ResourceHub.Data;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Resources;

/// <summary>Create, read, update, delete and their authorization, on one provider.</summary>
public abstract class ResourceCrudTests(string provider) : ApiTest(provider)
{

    private static object NewResource(string subject = "math") => new
    {
        Kind = "micro-lesson", Title = "圆的面积（微课）", Subject = subject, Stage = "primary",
        Topics = new[] { "it-integration" }, Tags = new[] { "圆", "六年级" },
    };

    [Fact]
    public async Task Vendor_creates_then_reads_back_with_etag_and_location()
    {
        var vendor = Api.ClientAs("alice", "vendor", "acme");
        var created = await vendor.PostAsJsonAsync("/odata/Resources", NewResource());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.NotNull(created.Headers.Location);
        Assert.Equal("W/\"1\"", created.Headers.ETag?.ToString());

        var read = await vendor.GetAsync(created.Headers.Location);
        read.EnsureSuccessStatusCode();
        var json = JsonDocument.Parse(await read.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("圆的面积（微课）", json.GetProperty("Title").GetString());
        Assert.Equal("acme", json.GetProperty("OwnerOrg").GetString());
        Assert.Equal("draft", json.GetProperty("Status").GetString());
        Assert.Equal(["圆", "六年级"], json.GetProperty("Tags").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Unknown_subject_code_is_a_400_naming_it()
    {
        var vendor = Api.ClientAs("alice", "vendor", "acme");
        var response = await vendor.PostAsJsonAsync("/odata/Resources", NewResource("maths"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Contains("maths", error.GetProperty("message").GetString());
        Assert.Equal("Subject", error.GetProperty("target").GetString());
    }

    [Fact]
    public async Task Anonymous_create_is_401_and_teacher_of_other_org_cannot_patch_vendor_item()
    {
        var anonymous = Api.ClientAs(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/odata/Resources", NewResource())).StatusCode);

        var vendor = Api.ClientAs("alice", "vendor", "acme");
        var location = (await vendor.PostAsJsonAsync("/odata/Resources", NewResource())).Headers.Location!;
        var otherVendor = Api.ClientAs("bob", "vendor", "lumen");
        // A draft of another org is not even visible to bob.
        Assert.Equal(HttpStatusCode.NotFound, (await otherVendor.PatchAsJsonAsync(location, new { Title = "改" })).StatusCode);
    }

    [Fact]
    public async Task Patch_with_stale_if_match_is_412_and_changes_nothing()
    {
        var vendor = Api.ClientAs("alice", "vendor", "acme");
        var location = (await vendor.PostAsJsonAsync("/odata/Resources", NewResource())).Headers.Location!;

        var first = new HttpRequestMessage(HttpMethod.Patch, location) { Content = JsonContent.Create(new { Title = "第一次修改" }) };
        first.Headers.IfMatch.Add(EntityTagHeaderValue.Parse("W/\"1\""));
        Assert.Equal(HttpStatusCode.NoContent, (await vendor.SendAsync(first)).StatusCode);

        var stale = new HttpRequestMessage(HttpMethod.Patch, location) { Content = JsonContent.Create(new { Title = "过期修改" }) };
        stale.Headers.IfMatch.Add(EntityTagHeaderValue.Parse("W/\"1\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await vendor.SendAsync(stale)).StatusCode);

        var json = JsonDocument.Parse(await vendor.GetStringAsync(location)).RootElement;
        Assert.Equal("第一次修改", json.GetProperty("Title").GetString());
        Assert.Equal("W/\"2\"", json.GetProperty("@odata.etag").GetString());
    }

    [Fact]
    public async Task Delete_removes_the_resource()
    {
        var vendor = Api.ClientAs("alice", "vendor", "acme");
        var location = (await vendor.PostAsJsonAsync("/odata/Resources", NewResource())).Headers.Location!;
        Assert.Equal(HttpStatusCode.NoContent, (await vendor.DeleteAsync(location)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await vendor.GetAsync(location)).StatusCode);
    }
}

public sealed class SqliteResourceCrudTests() : ResourceCrudTests(DatabaseOptions.Sqlite);

[Trait("Provider", "postgres")]
public sealed class PostgresResourceCrudTests() : ResourceCrudTests(DatabaseOptions.Postgres);
