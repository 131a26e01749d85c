using System.Net;
using System.Text;
using System.Text.Json;
using ResourceHub.Api.Tests.Curation;
using ResourceHub.Data;

namespace ResourceHub.Api.Tests.Limits;

/// <summary>
/// Bodies are limited while they are read (chunked ones announce no length), and every JSON body reader
/// turns text that is not valid Unicode and numbers out of range into a 400, never a 500.
/// </summary>
public sealed class BodyLimitTests() : CurationApi(DatabaseOptions.Sqlite)
{
    /// <summary>A body sent without Content-Length, as a chunked upload would be.</summary>
    private static HttpContent Chunked(byte[] bytes, string type = "application/json")
    {
        var content = new StreamContent(new UnknownLengthStream(bytes));
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(type);
        return content;
    }

    private static HttpContent Raw(string json) => new ByteArrayContent(Encoding.UTF8.GetBytes(json))
    {
        Headers = { ContentType = new("application/json") },
    };

    private static HttpContent RawBytes(byte[] json) => new ByteArrayContent(json) { Headers = { ContentType = new("application/json") } };

    private static async Task<JsonElement> ErrorOf(HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"expected {status}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("error");
    }

    [Fact]
    public async Task A_chunked_json_body_over_the_limit_is_refused_with_413_while_reading()
    {
        var title = new string('a', 2 * 1024 * 1024);
        var body = Encoding.UTF8.GetBytes($"{{\"Kind\":\"micro-lesson\",\"Title\":\"{title}\",\"Subject\":\"math\",\"Stage\":\"primary\"}}");
        var error = await ErrorOf(await Vendor.PostAsync("/odata/Resources", Chunked(body)), 413);
        Assert.Equal("PayloadTooLarge", error.GetProperty("code").GetString());
        Assert.StartsWith("请求体过大", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_chunked_batch_over_the_limit_is_refused_with_413()
    {
        var requests = Enumerable.Range(0, 90).Select(i => new { id = $"r{i}", method = "POST", url = "Resources",
            body = new { Title = new string('x', 60_000) } });
        var body = JsonSerializer.SerializeToUtf8Bytes(new { requests });
        Assert.True(body.Length > 4 * 1024 * 1024);
        await ErrorOf(await Vendor.PostAsync("/odata/$batch", Chunked(body)), 413);
    }

    public static TheoryData<string, string, string> InvalidText() => new()
    {
        { "POST", "/odata/Resources", "{\"Kind\":\"micro-lesson\",\"Title\":\"\\ud800\",\"Subject\":\"math\",\"Stage\":\"primary\"}" },
        { "POST", "/odata/Resources", "{\"Kind\":\"micro-lesson\",\"Title\":\"ok\",\"Subject\":\"math\",\"Stage\":\"primary\",\"Tags\":[\"\\udfff\"]}" },
        { "POST", "/odata/Courses", "{\"Title\":\"x\\udc00y\",\"Kind\":\"online\"}" },
        { "POST", "/odata/Rubrics", "{\"Name\":\"r\",\"Criteria\":[{\"Name\":\"\\ud83d\",\"MaxPoints\":10}]}" },
        { "POST", "/odata/$batch", "{\"requests\":[{\"id\":\"\\ud800\",\"method\":\"GET\",\"url\":\"Resources\"}]}" },
        { "POST", "/odata/$batch", "{\"requests\":[{\"id\":\"a\",\"method\":\"POST\",\"url\":\"Resources\",\"headers\":{\"x\":\"\\udbff\"}}]}" },
    };

    [Theory]
    [MemberData(nameof(InvalidText))]
    public async Task A_lone_surrogate_in_any_json_string_is_a_400(string method, string url, string json)
    {
        var client = url.Contains("Rubrics") ? Admin("cy", "hf-edu") : Vendor;
        var error = await ErrorOf(await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = Raw(json) }), 400);
        Assert.Contains("无效字符", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Invalid_utf8_and_lone_surrogates_in_patch_and_action_bodies_are_400()
    {
        var item = await CreateAsync(Vendor);
        var bytes = Encoding.UTF8.GetBytes("{\"Title\":\"ab\"}");
        bytes[10] = 0xC3; // a lead byte followed by 'b': not UTF-8
        var patch = new HttpRequestMessage(HttpMethod.Patch, item) { Content = RawBytes(bytes) };
        await ErrorOf(await Vendor.SendAsync(patch), 400);

        var published = await PublishedAsync();
        await ErrorOf(await Host.PostAsync($"{published}/Nominate", Raw("{\"level\":\"school\",\"reason\":\"\\ud800\"}")), 400);
        var review = "{\"scores\":[{\"Criterion\":\"\\udc00\",\"Points\":1}],\"verdict\":\"approve\"}";
        var other = await CreateAsync(Vendor);
        await Json(await Act(Vendor, other, "Submit"));
        await ErrorOf(await Expert("eve", "ys-edu").PostAsync($"{other}/Review", Raw(review)), 400);
    }

    [Fact]
    public async Task Deeply_nested_json_is_a_400()
    {
        var deep = new string('[', 5000) + new string(']', 5000);
        await ErrorOf(await Vendor.PostAsync("/odata/Resources", Raw($"{{\"Tags\":{deep}}}")), 400);
        await ErrorOf(await Vendor.PostAsync("/odata/$batch", Raw($"{{\"requests\":{deep}}}")), 400);
    }

    [Theory]
    [InlineData("{\"Level\":\"county\",\"RegionCode\":\"bh-edu\",\"Subject\":\"math\",\"Year\":2026,\"MaxCount\":3000000000}", "MaxCount")]
    [InlineData("{\"Level\":\"county\",\"RegionCode\":\"bh-edu\",\"Subject\":\"math\",\"Year\":99999999999,\"MaxCount\":1}", "Year")]
    [InlineData("{\"Level\":\"county\",\"RegionCode\":\"bh-edu\",\"Subject\":\"math\",\"Year\":2026,\"MaxCount\":1.5}", "MaxCount")]
    public async Task Quota_numbers_that_do_not_fit_an_int_are_400(string json, string target)
    {
        var error = await ErrorOf(await Admin("cy", "hf-edu").PostAsync("/odata/Quotas", Raw(json)), 400);
        Assert.Equal(target, error.GetProperty("target").GetString());
    }

    [Fact]
    public async Task Quota_patch_with_an_overflowing_count_is_400()
    {
        var json = "{\"Level\":\"county\",\"RegionCode\":\"bh-edu\",\"Subject\":\"math\",\"Year\":2026,\"MaxCount\":1}";
        var created = await Admin("cy", "hf-edu").PostAsync("/odata/Quotas", Raw(json));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var patch = new HttpRequestMessage(HttpMethod.Patch, created.Headers.Location) { Content = Raw("{\"MaxCount\":3000000000}") };
        await ErrorOf(await Admin("cy", "hf-edu").SendAsync(patch), 400);
    }

    [Theory]
    [InlineData("{\"Name\":\"r\",\"RequiredReviews\":3000000000,\"Criteria\":[{\"Name\":\"a\",\"MaxPoints\":10}]}")]
    [InlineData("{\"Name\":\"r\",\"Criteria\":[{\"Name\":\"a\",\"MaxPoints\":1e20}]}")]
    [InlineData("{\"Name\":\"r\",\"Criteria\":[{\"Name\":\"a\",\"MaxPoints\":1e400}]}")]
    public async Task Rubric_numbers_out_of_range_are_400(string json) =>
        await ErrorOf(await Admin("cy", "hf-edu").PostAsync("/odata/Rubrics", Raw(json)), 400);

    [Fact]
    public async Task A_rubric_with_thousands_of_criteria_is_400()
    {
        var criteria = Enumerable.Range(0, 5000).Select(i => new { Name = $"c{i}", MaxPoints = 1 });
        var body = JsonSerializer.Serialize(new { Name = "r", PassMean = 1, Criteria = criteria });
        var error = await ErrorOf(await Admin("cy", "hf-edu").PostAsync("/odata/Rubrics", Raw(body)), 400);
        Assert.Contains("评分项最多", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Rate_with_stars_beyond_an_int_is_400() =>
        await ErrorOf(await Act(Teacher(), await PublishedAsync(), "Rate", new { stars = 3000000000 }), 400);

    /// <summary>A stream whose length the client cannot know, so HttpClient sends it chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
