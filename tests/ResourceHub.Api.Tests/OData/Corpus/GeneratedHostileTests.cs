using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ResourceHub.Data;
using ResourceHub.Domain.Organizations;
using ResourceHub.Testing;
using Xunit.Abstractions;

namespace ResourceHub.Api.Tests.OData.Corpus;

/// <summary>
/// An API with a region hierarchy and a few items made through the API itself (a draft, a submitted, a
/// published item, one with a file, a rubric, a quota, a course) for generated hostile requests to aim at.
/// </summary>
public sealed class HostileApi(string provider) : IAsyncDisposable
{
    private TestDatabase _db = null!;
    private readonly Dictionary<string, HttpClient> _clients = [];
    public ApiFactory Api { get; private set; } = null!;
    public HostileTargets Targets { get; private set; } = null!;

    public static async Task<HostileApi> StartAsync(string provider)
    {
        var api = new HostileApi(provider);
        await api.InitializeAsync();
        return api;
    }

    private async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(provider);
        // The corpus sends thousands of requests as a handful of users: the limits are tested in RateLimitTests.
        Api = await ApiFactory.StartAsync(_db, new Dictionary<string, string?>
        {
            ["ResourceHub:RateLimits:AnonymousPerMinute"] = "1000000",
            ["ResourceHub:RateLimits:WritesPerMinute"] = "1000000",
            ["ResourceHub:RateLimits:UploadsPerMinute"] = "1000000",
        });
        await using (var context = _db.CreateContext())
        {
            context.Organizations.AddRange(
                new Organization { Code = "ah-edu", Name = "安徽省教育厅", Kind = "region", Tier = "province" },
                new Organization { Code = "hf-edu", Name = "合肥市教育局", Kind = "region", Tier = "city", ParentCode = "ah-edu" },
                new Organization { Code = "bh-edu", Name = "包河区教育体育局", Kind = "region", Tier = "county", ParentCode = "hf-edu" },
                new Organization { Code = "ys-edu", Name = "瑶海区教育体育局", Kind = "region", Tier = "county", ParentCode = "hf-edu" },
                new Organization { Code = "bh-no1", Name = "包河区第一小学", Kind = "school", Tier = "school", ParentCode = "bh-edu" },
                new Organization { Code = "acme", Name = "远程培训示范机构", Kind = "vendor", Tier = "county", ParentCode = "bh-edu" });
            await context.SaveChangesAsync();
        }
        _clients["vendor"] = Api.ClientAs("alice", "vendor", "acme");
        _clients["admin"] = Api.ClientAs("cy", "admin", "hf-edu");
        _clients["host"] = Api.ClientAs("hana", "workshop-host", "bh-no1");
        _clients["expert"] = Api.ClientAs("eve", "expert", "ys-edu", "math");
        _clients["teacher"] = Api.ClientAs("tom", "teacher", "bh-no1");
        _clients["anonymous"] = Api.ClientAs(null);
        var vendor = _clients["vendor"];

        var draft = await CreateAsync();
        var submitted = await CreateAsync();
        await Ok(await vendor.PostAsync($"{submitted}/Submit", null));
        var published = await CreateAsync();
        await Ok(await vendor.PostAsync($"{published}/Submit", null));
        foreach (var (user, org) in new[] { ("eve", "ys-edu"), ("ed", "hf-edu") })
            await Ok(await Api.ClientAs(user, "expert", org, "math").PostAsJsonAsync($"{published}/Review", new
            {
                scores = new[] { ("教学设计", 22), ("内容呈现", 22), ("信息技术融合", 17), ("教学效果", 18), ("规范与创新", 8) }
                    .Select(s => new { Criterion = s.Item1, Points = s.Item2 }),
                verdict = "approve",
            }));
        var withFile = await CreateAsync();
        await Ok(await vendor.PutAsync($"{withFile}/$value", new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray())
        {
            Headers = { ContentType = new("application/pdf") },
        }));
        var rubric = await Ok(await _clients["admin"].PostAsJsonAsync("/odata/Rubrics", new
        {
            Name = "区域量规", PassMean = 6, Criteria = new[] { new { Name = "设计", MaxPoints = 10 } },
        }));
        var quota = await Ok(await _clients["admin"].PostAsJsonAsync("/odata/Quotas", new
        {
            Level = "county", RegionCode = "bh-edu", Subject = "math", Year = 2026, MaxCount = 3,
        }));
        var course = await Ok(await vendor.PostAsJsonAsync("/odata/Courses", new { Title = "课程", Kind = "elective", Subject = "math", Stage = "primary" }));
        Targets = new HostileTargets(Key(draft), Key(published), Key(submitted), Key(withFile),
            rubric.GetProperty("Id").GetString()!, quota.GetProperty("Id").GetString()!, course.GetProperty("Id").GetString()!);
    }

    private async Task<string> CreateAsync()
    {
        var created = await _clients["vendor"].PostAsJsonAsync("/odata/Resources", new
        {
            Kind = "micro-lesson", Title = "圆的面积（微课）", Subject = "math", Stage = "primary", Topics = new[] { "it-integration" },
        });
        await Ok(created);
        return created.Headers.Location!.ToString();
    }

    private static string Key(string location) => location[(location.LastIndexOf('(') + 1)..location.LastIndexOf(')')];

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public HttpClient Client(string caller) => _clients[caller];

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        await _db.DisposeAsync();
    }
}

/// <summary>
/// Over 2,000 generated hostile requests (fixed seed; see <see cref="HostileRequests"/>) against the in-memory
/// API on SQLite, and a slice of them on PostgreSQL. None may answer 5xx (501 for a valid but unserved
/// $apply excepted) or take 5 s or more, and every 4xx under /odata must carry an OData error body.
/// The slowest requests are printed.
/// </summary>
public sealed class GeneratedHostileTests(ITestOutputHelper output)
{
    private const int Seed = 20261204;
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Generated_hostile_requests_on_sqlite_answer_4xx_with_odata_errors_quickly()
    {
        await using var api = await HostileApi.StartAsync(DatabaseOptions.Sqlite);
        var cases = new HostileRequests(Seed, api.Targets).All().ToList();
        Assert.True(cases.Count >= 2000, $"{cases.Count} cases");
        await RunAsync(api, cases);
    }

    [PostgresFact]
    public async Task A_slice_of_them_on_postgres_too()
    {
        await using var api = await HostileApi.StartAsync(DatabaseOptions.Postgres);
        var cases = new HostileRequests(Seed, api.Targets).All().Where((_, i) => i % 6 == 0).ToList();
        await RunAsync(api, cases);
    }

    private async Task RunAsync(HostileApi api, List<HostileRequest> cases)
    {
        var failures = new List<string>();
        var timings = new List<(TimeSpan Elapsed, HostileRequest Case, int Status)>();
        var statuses = new SortedDictionary<int, int>();
        foreach (var c in cases)
        {
            var stopwatch = Stopwatch.StartNew();
            int status;
            string body;
            HttpResponseMessage response;
            try
            {
                response = await api.Client(c.Caller).SendAsync(Build(c));
                body = await response.Content.ReadAsStringAsync();
                status = (int)response.StatusCode;
            }
            catch (Exception e)
            {
                failures.Add($"threw {e.GetType().Name}: {e.Message} — {c}");
                continue;
            }
            stopwatch.Stop();
            timings.Add((stopwatch.Elapsed, c, status));
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            // 501 is a valid request this service does not serve (e.g. $apply=compute(…)), not a failure.
            if (status >= 500 && status != 501)
                failures.Add($"{status} {Short(body)} — {c}");
            else if (c.Kind == "upload-malformed" && status is < 400 or >= 500)
                failures.Add($"{status} for a malformed Content-Type, not 4xx — {c}");
            else if (stopwatch.Elapsed >= Slow)
                failures.Add($"{stopwatch.Elapsed.TotalMilliseconds:F0} ms — {c}");
            else if (status >= 400 && c.Method != "HEAD" && UnderServiceRoot(response) && !IsODataError(body))
                failures.Add($"{status} without an OData error body: {Short(body)} — {c}");
        }
        output.WriteLine($"{cases.Count} requests; statuses: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        foreach (var kind in cases.GroupBy(c => c.Kind))
            output.WriteLine($"  {kind.Key}: {kind.Count()}");
        foreach (var (elapsed, c, status) in timings.OrderByDescending(t => t.Elapsed).Take(5))
            output.WriteLine($"slowest: {elapsed.TotalMilliseconds:F0} ms {status} {c}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} failed:\n" + string.Join("\n", failures.Take(40)));
    }

    private static HttpRequestMessage Build(HostileRequest c)
    {
        var request = new HttpRequestMessage(new HttpMethod(c.Method), new Uri(c.Url, UriKind.Relative));
        if (c.Body is not null)
        {
            HttpContent content = c.Chunked
                ? new StreamContent(new UnseekableStream(c.Body))
                : new ByteArrayContent(c.Body);
            if (c.ContentType is not null)
                content.Headers.TryAddWithoutValidation("Content-Type", c.ContentType);
            request.Content = content;
        }
        foreach (var (name, value) in c.Headers ?? [])
            if (!request.Headers.TryAddWithoutValidation(name, value))
                request.Content?.Headers.TryAddWithoutValidation(name, value);
        if (c.Headers?.Any(h => h.Name == "Authorization") == true)
            request.Headers.Authorization = AuthenticationHeaderValue.TryParse(c.Headers.First(h => h.Name == "Authorization").Value, out var a) ? a : null;
        return request;
    }

    /// <summary>"Resources/../../etc/passwd" leaves /odata once the client normalises it: not an OData request then.</summary>
    private static bool UnderServiceRoot(HttpResponseMessage response) =>
        response.RequestMessage?.RequestUri?.AbsolutePath.StartsWith("/odata", StringComparison.Ordinal) == true;

    private static bool IsODataError(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var error = json.RootElement.GetProperty("error");
            return error.GetProperty("code").GetString() is { Length: > 0 }
                   && error.GetProperty("message").GetString() is { Length: > 0 }
                   && error.GetProperty("details").ValueKind == JsonValueKind.Array;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return false;
        }
    }

    private static string Short(string s) => s.Length > 300 ? s[..300] + "…" : s;

    /// <summary>The client cannot know the length, so the body goes without Content-Length.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
