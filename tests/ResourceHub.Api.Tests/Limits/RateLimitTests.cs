using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ResourceHub.Data;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Limits;

/// <summary>
/// Low limits (5 a minute) so the buckets run dry: anonymous and bad-token traffic per client address,
/// writes and uploads per user, each answered 429 with Retry-After and an OData error.
/// </summary>
public sealed class RateLimitTests() : ApiTest(DatabaseOptions.Sqlite, () => new Dictionary<string, string?>
{
    ["ResourceHub:RateLimits:AnonymousPerMinute"] = "5",
    ["ResourceHub:RateLimits:WritesPerMinute"] = "5",
    ["ResourceHub:RateLimits:UploadsPerMinute"] = "5",
})
{
    private static async Task AssertThrottledAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.TooManyRequests, $"{(int)response.StatusCode}: {text}");
        Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single()) >= 1);
        var error = JsonDocument.Parse(text).RootElement.GetProperty("error");
        Assert.Equal("TooManyRequests", error.GetProperty("code").GetString());
        Assert.StartsWith("请求过于频繁", error.GetProperty("message").GetString());
    }

    private static async Task<List<HttpResponseMessage>> Repeat(int times, Func<Task<HttpResponseMessage>> send)
    {
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < times; i++)
            responses.Add(await send());
        return responses;
    }

    [Fact]
    public async Task Bad_tokens_are_throttled_per_client_with_retry_after()
    {
        var client = Api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "forged.token.value");
        var responses = await Repeat(8, () => client.GetAsync("/odata/Resources"));
        Assert.Equal(HttpStatusCode.Unauthorized, responses[0].StatusCode);
        await AssertThrottledAsync(responses[^1]);
        // Anonymous requests share the same address's bucket.
        await AssertThrottledAsync(await Api.CreateClient().GetAsync("/odata/$metadata"));
        // Health probes are never throttled; a signed-in reader is not either.
        Assert.Equal(HttpStatusCode.OK, (await Api.CreateClient().GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.ClientAs("reader", "teacher").GetAsync("/odata/Resources")).StatusCode);
    }

    [Fact]
    public async Task Writes_are_throttled_per_user_and_other_users_are_unaffected()
    {
        var alice = Api.ClientAs("alice", "vendor", "acme");
        var body = new { Kind = "micro-lesson", Title = "圆", Subject = "math", Stage = "primary" };
        var responses = await Repeat(8, () => alice.PostAsJsonAsync("/odata/Resources", body));
        Assert.Equal(HttpStatusCode.Created, responses[0].StatusCode);
        await AssertThrottledAsync(responses[^1]);
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync("/odata/Resources")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Api.ClientAs("bob", "vendor", "acme").PostAsJsonAsync("/odata/Resources", body)).StatusCode);
    }

    [Fact]
    public async Task Uploads_have_their_own_bucket_per_user()
    {
        var carol = Api.ClientAs("carol", "vendor", "acme");
        var created = await carol.PostAsJsonAsync("/odata/Resources", new { Kind = "micro-lesson", Title = "圆", Subject = "math", Stage = "primary" });
        var value = created.Headers.Location + "/$value";
        var responses = await Repeat(8, () => carol.PutAsync(value, new ByteArrayContent("hello"u8.ToArray())
        {
            Headers = { ContentType = new("text/plain") },
        }));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, responses[0].StatusCode);
        await AssertThrottledAsync(responses[^1]);
        // Writes other than uploads still have tokens.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await carol.PatchAsJsonAsync(created.Headers.Location, new { Title = "圆二" })).StatusCode);
    }
}
