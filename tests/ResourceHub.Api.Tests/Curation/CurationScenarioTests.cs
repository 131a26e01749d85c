using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Curation;

/// <summary>The whole curation flow over HTTP, on each provider.</summary>
public abstract class CurationScenarioTests(string provider) : CurationApi(provider)
{
    protected async Task Vendor_submits_experts_publish_host_nominates_county_recommends_teachers_rate()
    {
        // A vendor creates and submits; teachers cannot see it yet.
        var item = await CreateAsync(Vendor);
        var submitted = await Json(await Act(Vendor, item, "Submit"));
        Assert.Equal("submitted", submitted.GetProperty("Status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Teacher().GetAsync(item)).StatusCode);

        // Two experts from other organisations find it in their queue and review it.
        var eve = Expert("eve", "ys-edu");
        var queue = await Json(await eve.GetAsync("/odata/Resources/ReviewQueue()"));
        Assert.Contains(item, Strings(queue, "Id").Select(id => $"http://localhost/odata/Resources({id})"));
        await Json(await Act(eve, item, "Review", ReviewBody(0.9)));
        Assert.Equal("in-review", await StatusOf(Vendor, item));
        Assert.Empty((await Json(await eve.GetAsync("/odata/Resources/ReviewQueue()"))).GetProperty("value").EnumerateArray());
        var published = await Json(await Act(Expert("ed", "hf-edu"), item, "Review", ReviewBody(0.8)));
        Assert.Equal("published", published.GetProperty("Status").GetString());
        Assert.Equal(84.5, published.GetProperty("QualityScore").GetDouble(), 3); // mean of 89 and 80 out of 100

        // Now teachers see it; a workshop host nominates it; the county admin recommends it, step by step.
        Assert.Equal(HttpStatusCode.OK, (await Teacher().GetAsync(item)).StatusCode);
        await Json(await Act(Host, item, "Nominate", new { level = "school", reason = "坊内研讨公认的优秀课例" }));
        var cathy = Admin("cathy", "bh-edu");
        await Error(await Act(cathy, item, "Recommend", new { level = "county" }), HttpStatusCode.Conflict);
        await Json(await Act(cathy, item, "Recommend", new { level = "school", reason = "校级优课" }));
        var recommended = await Json(await Act(cathy, item, "Recommend", new { level = "county", reason = "县级优课" }));
        Assert.Equal(("recommended", "county"),
            (recommended.GetProperty("Status").GetString(), recommended.GetProperty("RecommendationLevel").GetString()));

        // Teachers rate; one changes their mind. Ratings and downloads are popularity, shown apart.
        await Json(await Act(Teacher("tom"), item, "Rate", new { stars = 5 }));
        await Json(await Act(Teacher("tina"), item, "Rate", new { stars = 4 }));
        var rated = await Json(await Act(Teacher("tom"), item, "Rate", new { stars = 3 }));
        var stats = await Json(await Teacher().GetAsync($"{item}/Stats"));
        Assert.Equal((2, 3.5), (stats.GetProperty("RatingCount").GetInt32(), stats.GetProperty("RatingMean").GetDouble()));
        Assert.Equal(rated.GetProperty("QualityScore").GetDouble(), stats.GetProperty("QualityScore").GetDouble(), 6);
        Assert.Equal(0.4, stats.GetProperty("LevelPart").GetDouble(), 6);
        await using (var usage = Db.CreateContext())
            Assert.Equal([5, 4, 3], await usage.Set<ResourceHub.Domain.Curation.UsageEvent>().OrderBy(e => e.Id)
                .Where(e => e.Kind == "rating").Select(e => e.Stars ?? 0).ToListAsync()); // every rating given, for ratings over time

        // History lists every step with who did it; the vendor sees both reviews, each expert only their own.
        var history = await Json(await Vendor.GetAsync($"{item}/History"));
        Assert.Equal(["submit", "start-review", "review", "review", "publish", "nominate", "recommend", "recommend"],
            Strings(history, "Action"));
        Assert.Equal(["alice", "eve", "eve", "ed", "ed", "hana", "cathy", "cathy"], Strings(history, "ActorId"));
        Assert.Equal(["draft", "submitted", "in-review", "in-review", "in-review", "published", "published", "recommended"],
            Strings(history, "FromStatus"));
        Assert.Equal(2, (await Json(await Vendor.GetAsync($"{item}/Reviews"))).GetProperty("value").GetArrayLength());
        Assert.Equal(["eve"], Strings(await Json(await eve.GetAsync($"{item}/Reviews")), "ReviewerId"));
        Assert.Equal(["school"], Strings(await Json(await cathy.GetAsync($"{item}/Nominations")), "Level"));

        // Search: the recommended item ranks above an unreviewed peer with the same title and shows its level.
        var peer = await CreateAsync(Vendor);
        await SearchIndexedAsync();
        var found = await Json(await Admin("root", "ah-edu").GetAsync("/odata/Resources?$search=圆的面积"));
        var hits = found.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal([Id(item), Id(peer)], hits.Select(h => h.GetProperty("Id").GetString()!).ToList());
        Assert.Equal("county", hits[0].GetProperty("RecommendationLevel").GetString());
        Assert.True(hits[0].GetProperty("@search.score").GetDouble() > hits[1].GetProperty("@search.score").GetDouble());
    }

    private static string Id(string location) => location[(location.IndexOf('(') + 1)..location.IndexOf(')')];

    /// <summary>Waits until the background indexer has drained the outbox.</summary>
    private async Task SearchIndexedAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = Db.CreateContext();
            if (await db.SearchOutbox.CountAsync(e => e.ProcessedAt == null) == 0)
                return;
            Assert.True(DateTime.UtcNow < deadline, "the indexer did not drain the outbox");
            await Task.Delay(50);
        }
    }

    protected async Task Retired_items_disappear_for_teachers_but_keep_their_history()
    {
        var item = await PublishedAsync();
        await Error(await Vendor.DeleteAsync(item), HttpStatusCode.Conflict);
        await Error(await Act(Admin("cathy", "bh-edu"), item, "Retire", new { reason = "" }), HttpStatusCode.BadRequest);
        await Json(await Act(Admin("cathy", "bh-edu"), item, "Retire", new { reason = "内容陈旧，已被新版替代" }));
        Assert.Equal(HttpStatusCode.NotFound, (await Teacher().GetAsync(item)).StatusCode);
        var history = await Json(await Admin("cathy", "bh-edu").GetAsync($"{item}/History"));
        Assert.Equal("retire", Strings(history, "Action").Last());
        Assert.Equal("内容陈旧，已被新版替代", Strings(history, "Reason").Last());
    }

    protected async Task Editing_a_live_item_goes_through_review_while_the_old_version_stays()
    {
        var item = await PublishedAsync();
        var edit = await Vendor.PatchAsJsonAsync(item, new { Title = "圆的面积（修订版）" });
        Assert.Equal(HttpStatusCode.NoContent, edit.StatusCode);
        Assert.Equal("圆的面积（微课）", (await Json(await Teacher().GetAsync(item))).GetProperty("Title").GetString());
        var pending = await Json(await Vendor.GetAsync($"{item}/Revision"));
        Assert.Equal(("圆的面积（修订版）", "draft"), (pending.GetProperty("Title").GetString(), pending.GetProperty("Status").GetString()));
        await Error(await Teacher().GetAsync($"{item}/Revision"), HttpStatusCode.Forbidden);

        await Json(await Act(Vendor, item, "Submit"));
        var eve = Expert("eve", "ys-edu");
        var queued = (await Json(await eve.GetAsync("/odata/Resources/ReviewQueue()"))).GetProperty("value")[0];
        Assert.Equal(("圆的面积（修订版）", "submitted"), (queued.GetProperty("Title").GetString(), queued.GetProperty("Status").GetString()));
        await Json(await Act(eve, item, "Review", ReviewBody(0.9)));
        Assert.Equal(HttpStatusCode.Conflict, (await Vendor.PatchAsJsonAsync(item, new { Title = "再改" })).StatusCode);
        await Json(await Act(Expert("ed", "hf-edu"), item, "Review", ReviewBody(0.9)));

        var live = await Json(await Teacher().GetAsync(item));
        Assert.Equal(("圆的面积（修订版）", "published"), (live.GetProperty("Title").GetString(), live.GetProperty("Status").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, (await Vendor.GetAsync($"{item}/Revision")).StatusCode);
        var history = await Json(await Vendor.GetAsync($"{item}/History"));
        Assert.Contains("revise", Strings(history, "Action"));
        Assert.Equal("True", Strings(history, "OnRevision").Last());
    }

    protected async Task Region_admin_creates_a_blind_rubric_that_hides_the_uploader_from_reviewers()
    {
        var admin = Admin("pat", "ah-edu");
        var rubric = await Json(await admin.PostAsJsonAsync("/odata/Rubrics", new
        {
            Name = "教学设计评审量规（匿名）", Kinds = new[] { "lesson-design" }, RequiredReviews = 2, PassMean = 60,
            DivergenceGap = 15, BlindReview = true,
            Criteria = new[]
            {
                new { Name = "目标与学情", MaxPoints = 40.0, Description = "查阅资料" },
                new { Name = "活动设计", MaxPoints = 60.0, Description = "查阅资料" },
            },
        }));
        Assert.Equal(100, rubric.GetProperty("MaxTotal").GetDouble());
        var id = rubric.GetProperty("Id").GetString();
        Assert.Equal(["目标与学情", "活动设计"], Strings(await Json(await Teacher().GetAsync($"/odata/Rubrics({id})/Criteria")), "Name"));
        await Error(await Teacher().PostAsJsonAsync("/odata/Rubrics", new { Name = "x" }), HttpStatusCode.Forbidden);

        var item = await CreateAsync(Vendor, kind: "lesson-design");
        await Json(await Act(Vendor, item, "Submit"));
        var queued = (await Json(await Expert("eve", "ys-edu").GetAsync("/odata/Resources/ReviewQueue()"))).GetProperty("value")[0];
        Assert.Equal(("", ""), (queued.GetProperty("CreatedBy").GetString(), queued.GetProperty("OwnerOrg").GetString()));
        var direct = await Json(await Expert("eve", "ys-edu").GetAsync(item));
        Assert.Equal(("", ""), (direct.GetProperty("CreatedBy").GetString(), direct.GetProperty("OwnerOrg").GetString()));
        Assert.Equal("alice", (await Json(await Vendor.GetAsync(item))).GetProperty("CreatedBy").GetString());
        var wrong = await Act(Expert("eve", "ys-edu"), item, "Review", ReviewBody(0.9));
        Assert.Contains("不在量规", (await Error(wrong, HttpStatusCode.BadRequest)).GetProperty("message").GetString());
        await Json(await Act(Expert("eve", "ys-edu"), item, "Review", new
        {
            scores = new[] { new { Criterion = "目标与学情", Points = 35.0 }, new { Criterion = "活动设计", Points = 50.0 } },
            verdict = "approve",
        }));
    }
}

public sealed class SqliteCurationScenarioTests() : CurationScenarioTests(DatabaseOptions.Sqlite)
{
    [Fact] public Task Full_flow() => Vendor_submits_experts_publish_host_nominates_county_recommends_teachers_rate();
    [Fact] public Task Retire() => Retired_items_disappear_for_teachers_but_keep_their_history();
    [Fact] public Task Revision() => Editing_a_live_item_goes_through_review_while_the_old_version_stays();
    [Fact] public Task Blind_rubric() => Region_admin_creates_a_blind_rubric_that_hides_the_uploader_from_reviewers();
}

[Trait("Provider", "postgres")]
public sealed class PostgresCurationScenarioTests() : CurationScenarioTests(DatabaseOptions.Postgres)
{
    [PostgresFact] public Task Full_flow() => Vendor_submits_experts_publish_host_nominates_county_recommends_teachers_rate();
    [PostgresFact] public Task Retire() => Retired_items_disappear_for_teachers_but_keep_their_history();
    [PostgresFact] public Task Revision() => Editing_a_live_item_goes_through_review_while_the_old_version_stays();
    [PostgresFact] public Task Blind_rubric() => Region_admin_creates_a_blind_rubric_that_hides_the_uploader_from_reviewers();
}
