using System.Net;
using System.Net.Http.Json;
using ResourceHub.Api.Limits;
using ResourceHub.Data;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Limits;

/// <summary>Every response carries nosniff, a referrer policy and a CSP; answers to a signed-in caller are private.</summary>
public sealed class SecurityHeaderTests() : ApiTest(DatabaseOptions.Sqlite)
{
    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var v) ? string.Join(",", v)
        : response.Content.Headers.TryGetValues(name, out v) ? string.Join(",", v) : "";

    public static TheoryData<string?, string> Paths() => new()
    {
        { null, "/odata/$metadata" },
        { null, "/odata/" },
        { null, "/odata/Resources" },
        { null, "/health" },
        { null, "/odata/NoSuchSet" },
        { "alice", "/odata/Resources" },
        { "alice", "/odata/Resources(00000000-0000-0000-0000-000000000000)" },
        { "alice", "/odata/Resources?$filter=(" },
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Every_response_has_nosniff_referrer_policy_and_a_csp(string? user, string path)
    {
        var response = await Api.ClientAs(user, "vendor", "acme").GetAsync(path);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal(SecurityHeaders.ReferrerPolicy, Header(response, "Referrer-Policy"));
        Assert.Equal(SecurityHeaders.DataPolicy, Header(response, "Content-Security-Policy"));
    }

    [Fact]
    public async Task Answers_to_a_signed_in_caller_are_private_and_anonymous_ones_are_not_marked()
    {
        var vendor = Api.ClientAs("alice", "vendor", "acme");
        var created = await vendor.PostAsJsonAsync("/odata/Resources", new
        {
            Kind = "micro-lesson", Title = "圆的面积", Subject = "math", Stage = "primary",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        foreach (var response in new[] { created, await vendor.GetAsync(created.Headers.Location), await vendor.GetAsync("/odata/Resources?$filter=(") })
            Assert.True(response.Headers.CacheControl?.Private, $"{response.RequestMessage?.RequestUri}: {response.Headers.CacheControl}");
        var bad = Api.CreateClient();
        bad.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");
        Assert.True((await bad.GetAsync("/odata/Resources")).Headers.CacheControl?.Private);
        Assert.Null((await Api.CreateClient().GetAsync("/odata/$metadata")).Headers.CacheControl);
    }

    [Fact]
    public async Task A_web_path_gets_the_page_policy_and_the_same_base_headers()
    {
        var response = await Api.CreateClient().GetAsync("/no/such/page");
        Assert.Equal(SecurityHeaders.PagePolicy, Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    [Fact]
    public void Html_gets_the_page_policy_without_inline_script()
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Response.ContentType = "text/html; charset=utf-8";
        SecurityHeaders.Apply(context);
        var policy = context.Response.Headers.ContentSecurityPolicy.ToString();
        Assert.Equal(SecurityHeaders.PagePolicy, policy);
        Assert.Contains("default-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
    }
}
