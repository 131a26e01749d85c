using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.Json;
using ResourceHub.Data;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Health;

public sealed class HealthTests() : ApiTest(DatabaseOptions.Sqlite)
{

    [Fact]
    public async Task Ready_shows_only_the_status_to_anonymous_callers()
    {
        var response = await Api.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal(["status"], body.EnumerateObject().Select(p => p.Name));
        var teacher = JsonDocument.Parse(await Api.ClientAs("t", "teacher").GetStringAsync("/health/ready")).RootElement;
        Assert.False(teacher.TryGetProperty("checks", out _));
    }

    [Fact]
    public void Query_understanding_is_loaded_before_the_first_request()
    {
        _ = Api.Server; // the host has started; no request yet
        Assert.True(Api.Services.GetRequiredService<ResourceHub.Indexing.Understanding.QueryUnderstanding>().IsPrepared);
    }

    [Fact]
    public async Task Ready_checks_database_and_blob_store_and_shows_them_to_admins()
    {
        var response = await Api.ClientAs("ops", "admin").GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("blobs").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Metadata_is_anonymous_but_entities_are_not()
    {
        var anonymous = Api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/odata/$metadata")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
        var entities = await anonymous.GetAsync("/odata/Resources");
        Assert.Equal(HttpStatusCode.Unauthorized, entities.StatusCode);
        Assert.Equal("Unauthorized", JsonDocument.Parse(await entities.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("code").GetString());
    }
}
