using System.Net;
using System.Text;
using System.Text.Json;
using ResourceHub.Api.Tests.OData.Corpus;

namespace ResourceHub.Api.Tests.Limits;

/// <summary>Query options that are the client's mistake answer 400, not 500 or 501.</summary>
public sealed class QueryMistakeTests(CorpusApi fixture) : IClassFixture<CorpusApi>
{
    private static string Token(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [Theory]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("[{\"a\":1}]")]
    [InlineData("[[1]]")]
    [InlineData("[1e400]")]
    [InlineData("[\"\\ud800\"]")]
    [InlineData("[1,2,3,4,5,6,7,8,9,10]")]
    public async Task A_search_skiptoken_that_is_not_ours_is_a_400(string json)
    {
        var response = await fixture.Client.GetAsync($"/odata/Resources?$search=lesson&$skiptoken={Token(json)}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("$skiptoken", JsonDocument.Parse(text).RootElement.GetProperty("error").GetProperty("target").GetString());
    }

    [Theory]
    [InlineData("groupby((NoSuch))")]
    [InlineData("groupby((NoSuch),aggregate($count as N))")]
    [InlineData("groupby((Subject,NoSuch))")]
    [InlineData("groupby((Subject)")]
    public async Task An_apply_naming_an_unknown_property_or_malformed_is_a_400(string apply)
    {
        var response = await fixture.Client.GetAsync("/odata/Resources?$apply=" + Uri.EscapeDataString(apply));
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Theory]
    [InlineData("compute(Size mul 2 as Twice)/groupby((Subject))")]
    [InlineData("groupby(rollup(Subject,Stage),aggregate($count as N))")]
    [InlineData("groupby((Subject),aggregate($count as N))/filter(N gt 1)")]
    public async Task A_valid_apply_this_service_does_not_serve_stays_501(string apply)
    {
        var response = await fixture.Client.GetAsync("/odata/Resources?$apply=" + Uri.EscapeDataString(apply));
        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }
}
