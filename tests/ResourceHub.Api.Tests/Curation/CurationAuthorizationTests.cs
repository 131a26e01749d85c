using System.Net;
using ResourceHub.Data;

namespace ResourceHub.Api.Tests.Curation;

/// <summary>
/// The role × action × relation matrix over HTTP (the full matrix is in the domain tests): the server
/// refuses with 403, or 404 where the item is not even visible to the caller, and lets the rest through.
/// </summary>
public sealed class CurationAuthorizationTests() : CurationApi(DatabaseOptions.Sqlite)
{
    private HttpClient Who(string who) => who switch
    {
        "vendor uploader" => Vendor,
        "vendor colleague" => Api.ClientAs("bob", "vendor", "acme"),
        "other vendor" => Api.ClientAs("carol", "vendor", "lumen"),
        "teacher" => Teacher(),
        "workshop host" => Host,
        "math expert elsewhere" => Expert("eve", "ys-edu"),
        "physics expert" => Expert("pete", "ys-edu", "physics"),
        "math expert same org" => Expert("sam", "acme"),
        "county admin" => Admin("cathy", "bh-edu"),
        "city admin" => Admin("cy", "hf-edu"),
        "other county admin" => Admin("olga", "ys-edu"),
        "vendor admin" => Admin("vic", "acme"),
        _ => throw new ArgumentOutOfRangeException(nameof(who), who, null),
    };

    private async Task CheckAsync(Func<Task<string>> arrange, string action, object? parameters, params (string Who, HttpStatusCode Expected)[] rows)
    {
        foreach (var (who, expected) in rows)
        {
            var item = await arrange();
            var response = await Act(Who(who), item, action, parameters);
            Assert.True(expected == response.StatusCode,
                $"{who} {action}: expected {(int)expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private async Task<string> SubmittedAsync()
    {
        var item = await CreateAsync(Vendor);
        await Json(await Act(Vendor, item, "Submit"));
        return item;
    }

    [Fact]
    public Task Submit() => CheckAsync(() => CreateAsync(Vendor), "Submit", null,
        ("vendor uploader", HttpStatusCode.OK), ("vendor colleague", HttpStatusCode.OK),
        ("other vendor", HttpStatusCode.NotFound), ("teacher", HttpStatusCode.NotFound),
        ("math expert elsewhere", HttpStatusCode.NotFound), ("county admin", HttpStatusCode.Forbidden));

    [Fact]
    public async Task Teacher_submits_own_contribution_with_its_training_project()
    {
        var missing = await CreateAsync(Teacher());
        await Error(await Act(Teacher(), missing, "Submit"), HttpStatusCode.BadRequest);
        var item = await CreateAsync(Teacher(), extra: new { TrainingProject = "2026 国培计划 · 小学数学", Workshop = "包河数学坊" });
        await Json(await Act(Teacher(), item, "Submit"));
        await Error(await Act(Teacher("tina"), item, "Submit"), HttpStatusCode.NotFound);
    }

    [Fact]
    public Task Review() => CheckAsync(SubmittedAsync, "Review", ReviewBody(0.9),
        ("math expert elsewhere", HttpStatusCode.OK), ("physics expert", HttpStatusCode.NotFound),
        ("math expert same org", HttpStatusCode.Forbidden), ("vendor uploader", HttpStatusCode.Forbidden),
        ("county admin", HttpStatusCode.Forbidden), ("workshop host", HttpStatusCode.NotFound));

    [Fact]
    public Task Nominate() => CheckAsync(PublishedAsync, "Nominate", new { level = "school", reason = "优秀" },
        ("workshop host", HttpStatusCode.OK), ("teacher", HttpStatusCode.Forbidden),
        ("math expert elsewhere", HttpStatusCode.Forbidden), ("vendor uploader", HttpStatusCode.Forbidden));

    [Fact]
    public Task Recommend() => CheckAsync(PublishedAsync, "Recommend", new { level = "school" },
        ("county admin", HttpStatusCode.OK), ("other county admin", HttpStatusCode.Forbidden),
        ("vendor admin", HttpStatusCode.Forbidden), ("workshop host", HttpStatusCode.Forbidden),
        ("math expert elsewhere", HttpStatusCode.Forbidden), ("teacher", HttpStatusCode.Forbidden));

    [Fact]
    public Task Retire() => CheckAsync(PublishedAsync, "Retire", new { reason = "陈旧" },
        ("city admin", HttpStatusCode.OK), ("other county admin", HttpStatusCode.Forbidden),
        ("vendor uploader", HttpStatusCode.Forbidden), ("teacher", HttpStatusCode.Forbidden));

    [Fact]
    public Task Rate() => CheckAsync(PublishedAsync, "Rate", new { stars = 4 },
        ("teacher", HttpStatusCode.OK), ("workshop host", HttpStatusCode.Forbidden),
        ("vendor uploader", HttpStatusCode.Forbidden), ("math expert elsewhere", HttpStatusCode.Forbidden),
        ("county admin", HttpStatusCode.Forbidden));

    [Fact]
    public async Task Review_queue_is_for_experts_and_shows_only_their_subjects_without_conflicts()
    {
        var item = await SubmittedAsync();
        var id = item[(item.IndexOf('(') + 1)..item.IndexOf(')')];
        Assert.Contains(id, Strings(await Json(await Expert("eve", "ys-edu").GetAsync("/odata/Resources/ReviewQueue()")), "Id"));
        Assert.DoesNotContain(id, Strings(await Json(await Expert("pete", "ys-edu", "physics").GetAsync("/odata/Resources/ReviewQueue()")), "Id"));
        Assert.DoesNotContain(id, Strings(await Json(await Expert("sam", "acme").GetAsync("/odata/Resources/ReviewQueue()")), "Id"));
        await Error(await Teacher().GetAsync("/odata/Resources/ReviewQueue()"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Wrong_state_is_a_conflict_in_chinese_and_bad_parameters_a_400()
    {
        var draft = await CreateAsync(Vendor);
        var error = await Error(await Act(Expert("eve", "ys-edu"), draft, "Review", ReviewBody(0.9)), HttpStatusCode.NotFound);
        Assert.Contains("不存在", error.GetProperty("message").GetString());
        var published = await PublishedAsync();
        error = await Error(await Act(Vendor, published, "Submit"), HttpStatusCode.Conflict);
        Assert.Contains("已发布", error.GetProperty("message").GetString());
        await Error(await Act(Teacher(), published, "Rate", new { stars = 7 }), HttpStatusCode.BadRequest);
        await Error(await Act(Teacher(), published, "Rate", new { stars = "five" }), HttpStatusCode.BadRequest);
        await Error(await Act(Teacher(), published, "Rate", new { stars = 4, extra = 1 }), HttpStatusCode.BadRequest);
        await Error(await Vendor.GetAsync($"{published}/Submit"), HttpStatusCode.MethodNotAllowed);
    }
}
