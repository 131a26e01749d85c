using System.Net;
using System.Text;
using System.Text.Json;
using ResourceHub.Data;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Limits;

/// <summary>
/// A $batch cannot hold another $batch however its URL is spelled, and one batch does bounded work:
/// at most N requests and a budget of response bytes, after which parts are answered without running.
/// </summary>
public sealed class BatchLimitTests : IAsyncLifetime
{
    private const int ResponseBudget = 64 * 1024;
    private TestDatabase _db = null!;
    private ApiFactory _api = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        await using (var context = _db.CreateContext())
        {
            context.Organizations.AddRange(ResourceSeed.Organizations());
            context.Resources.AddRange(ResourceSeed.Resources(60));
            await context.SaveChangesAsync();
        }
        _api = await ApiFactory.StartAsync(_db, new Dictionary<string, string?>
        {
            ["ResourceHub:Limits:BatchResponseBytes"] = ResponseBudget.ToString(),
            ["ResourceHub:Limits:BatchRequests"] = "20",
        });
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _db.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> BatchAsync(object batch)
    {
        var response = await _api.ClientAs("root", "admin", "acme").PostAsync("/odata/$batch",
            new StringContent(JsonSerializer.Serialize(batch), Encoding.UTF8, "application/json"));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static object Inner => new { requests = new[] { new { id = "x", method = "GET", url = "Resources" } } };

    [Theory]
    [InlineData("$batch")]
    [InlineData("./$batch")]
    [InlineData("%24batch")]
    [InlineData("Resources/../$batch")]
    [InlineData("/odata/$batch")]
    [InlineData("/odata/./%24batch")]
    [InlineData("http://localhost/odata/$batch")]
    [InlineData("http://elsewhere.example/odata/Resources/../$batch")]
    public async Task A_batch_inside_a_batch_is_refused_however_it_is_spelled(string url)
    {
        var (status, body) = await BatchAsync(new { requests = new[] { new { id = "n", method = "POST", url, body = Inner } } });
        Assert.Equal(HttpStatusCode.OK, status);
        var part = body.GetProperty("responses")[0];
        Assert.Equal(400, part.GetProperty("status").GetInt32());
        Assert.Contains("不能嵌套", part.GetProperty("body").GetProperty("error").GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("../other")]
    [InlineData("/elsewhere/Resources")]
    [InlineData("ftp://localhost/odata/Resources")]
    public async Task A_part_outside_the_service_root_is_refused(string url)
    {
        var (_, body) = await BatchAsync(new { requests = new[] { new { id = "o", method = "GET", url } } });
        Assert.Equal(400, body.GetProperty("responses")[0].GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task More_requests_than_the_cap_are_refused_as_a_whole()
    {
        var requests = Enumerable.Range(0, 21).Select(i => new { id = $"r{i}", method = "GET", url = "Resources?$top=1" });
        var (status, body) = await BatchAsync(new { requests });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("最多 20 个请求", body.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Parts_after_the_response_budget_is_spent_are_not_run_and_say_why()
    {
        var requests = Enumerable.Range(0, 20).Select(i => new { id = $"r{i}", method = "GET", url = "Resources?$top=10" });
        var (status, body) = await BatchAsync(new { requests });
        Assert.Equal(HttpStatusCode.OK, status);
        var parts = body.GetProperty("responses").EnumerateArray().ToList();
        Assert.Equal(20, parts.Count);
        Assert.Equal(200, parts[0].GetProperty("status").GetInt32());
        var refused = parts.Where(p => p.GetProperty("status").GetInt32() == 413).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, p => Assert.Equal("BatchResponseTooLarge", p.GetProperty("body").GetProperty("error").GetProperty("code").GetString()));
        Assert.True(body.GetRawText().Length < ResponseBudget * 2, $"{body.GetRawText().Length} bytes");
    }
}
