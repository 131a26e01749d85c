using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ResourceHub.Domain.Organizations;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Curation;

/// <summary>
/// One database and API per test class, seeded with a province → city → county → school hierarchy, a
/// vendor registered with the county, and a second county; plus helpers to drive curation over HTTP.
/// </summary>
public abstract class CurationApi(string provider, IDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    protected TestDatabase Db { get; private set; } = null!;
    protected ApiFactory Api { get; private set; } = null!;

    /// <summary>The seeded lesson rubric's criteria with their maximum points.</summary>
    protected static readonly (string Name, double Max)[] LessonCriteria =
        [("教学设计", 25), ("内容呈现", 25), ("信息技术融合", 20), ("教学效果", 20), ("规范与创新", 10)];

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync(provider);
        Api = await ApiFactory.StartAsync(Db, settings);
        await using var context = Db.CreateContext();
        context.Organizations.AddRange(
            new Organization { Code = "ah-edu", Name = "安徽省教育厅", Kind = "region", Tier = "province" },
            new Organization { Code = "hf-edu", Name = "合肥市教育局", Kind = "region", Tier = "city", ParentCode = "ah-edu" },
            new Organization { Code = "bh-edu", Name = "包河区教育体育局", Kind = "region", Tier = "county", ParentCode = "hf-edu" },
            new Organization { Code = "ys-edu", Name = "瑶海区教育体育局", Kind = "region", Tier = "county", ParentCode = "hf-edu" },
            new Organization { Code = "bh-no1", Name = "包河区第一小学", Kind = "school", Tier = "school", ParentCode = "bh-edu" },
            new Organization { Code = "acme", Name = "远程培训示范机构", Kind = "vendor", Tier = "county", ParentCode = "bh-edu" });
        await context.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await Db.DisposeAsync();
    }

    protected HttpClient Vendor => Api.ClientAs("alice", "vendor", "acme");
    protected HttpClient Teacher(string user = "tom") => Api.ClientAs(user, "teacher", "bh-no1");
    protected HttpClient Expert(string user, string org, string subject = "math") => Api.ClientAs(user, "expert", org, subject);
    protected HttpClient Host => Api.ClientAs("hana", "workshop-host", "bh-no1");
    protected HttpClient Admin(string user, string org) => Api.ClientAs(user, "admin", org);

    protected static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    protected static async Task<JsonElement> Error(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("error");
    }

    protected async Task<string> CreateAsync(HttpClient client, string kind = "micro-lesson", string subject = "math", object? extra = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["Kind"] = kind, ["Title"] = "圆的面积（微课）", ["Subject"] = subject, ["Stage"] = "primary",
            ["Topics"] = new[] { "it-integration" }, ["Tags"] = new[] { "圆" },
        };
        foreach (var p in extra?.GetType().GetProperties() ?? [])
            body[p.Name] = p.GetValue(extra);
        var created = await client.PostAsJsonAsync("/odata/Resources", body);
        return created.Headers.Location!.ToString();
    }

    protected static Task<HttpResponseMessage> Act(HttpClient client, string item, string action, object? parameters = null,
        string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{item}/{action}")
        {
            Content = parameters is null ? null : JsonContent.Create(parameters),
        };
        if (ifMatch is not null)
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        return client.SendAsync(request);
    }

    /// <summary>Scores for the seeded lesson rubric: each criterion at <paramref name="fraction"/> of its maximum.</summary>
    protected static object ReviewBody(double fraction, string verdict = "approve") => new
    {
        scores = LessonCriteria.Select(c => new { Criterion = c.Name, Points = Math.Round(c.Max * fraction) }).ToArray(),
        verdict,
        comment = "目标明确，技术运用恰当",
    };

    protected static async Task<string> StatusOf(HttpClient client, string item) =>
        (await Json(await client.GetAsync(item))).GetProperty("Status").GetString()!;

    /// <summary>Creates and submits a math micro-lesson, then has two experts from other orgs approve it.</summary>
    protected async Task<string> PublishedAsync()
    {
        var item = await CreateAsync(Vendor);
        await Json(await Act(Vendor, item, "Submit"));
        await Json(await Act(Expert("eve", "ys-edu"), item, "Review", ReviewBody(0.9)));
        await Json(await Act(Expert("ed", "hf-edu"), item, "Review", ReviewBody(0.8)));
        Assert.Equal("published", await StatusOf(Vendor, item));
        return item;
    }

    protected static List<string> Strings(JsonElement collection, string property) =>
        collection.GetProperty("value").EnumerateArray().Select(e => e.GetProperty(property).ToString()).ToList();
}
