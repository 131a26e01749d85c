using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ResourceHub.Data;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Curation;

/// <summary>
/// What reviewers may not learn (README "Security model"): under a blind rubric the uploader, through no channel —
/// rows, search, facets, $apply, $filter/$orderby used as an oracle, $count, History, course expansions, $batch;
/// and before a round is decided, the other experts' verdicts — through Reviews, History and $batch.
/// </summary>
public abstract class ReviewConfidentialityTests(string provider) : CurationApi(provider)
{
    private HttpClient Eve => Expert("eve", "ys-edu");
    private HttpClient Ed => Expert("ed", "hf-edu");

    private const string Project = "2026国培计划·远程培训示范机构项目";
    private const string Workshop = "远程培训示范机构·张老师名师工作坊";
    private const string FileName = "远程培训示范机构-张老师-圆的面积.pdf";

    private async Task<string> BlindSubmittedAsync()
    {
        await Json(await Admin("pat", "ah-edu").PostAsJsonAsync("/odata/Rubrics", new
        {
            Name = "匿名评审量规", Kinds = new[] { "lesson-design" }, RequiredReviews = 2, PassMean = 60, DivergenceGap = 15, BlindReview = true,
            Criteria = new[] { new { Name = "目标与学情", MaxPoints = 40.0 }, new { Name = "活动设计", MaxPoints = 60.0 } },
        }));
        var item = await CreateAsync(Vendor, kind: "lesson-design", extra: new { TrainingProject = Project, Workshop });
        var file = new ByteArrayContent(TestFiles.Pdf(2000, seed: 3));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = FileName };
        Assert.Equal(HttpStatusCode.NoContent, (await Vendor.PutAsync(item + "/$value", file)).StatusCode);
        await Json(await Act(Vendor, item, "Submit"));
        await Db.IndexedAsync();
        return item;
    }

    private static string IdOf(string item) => item[(item.IndexOf('(') + 1)..item.IndexOf(')')];

    protected async Task Blind_review_hides_the_uploader_on_every_channel()
    {
        var item = await BlindSubmittedAsync();
        var id = IdOf(item);

        // Rows: the search page is masked like the entity itself.
        var hits = (await Json(await Eve.GetAsync("/odata/Resources?$search=圆的面积&$select=Id,CreatedBy,OwnerOrg"))).GetProperty("value");
        var hit = Assert.Single(hits.EnumerateArray(), h => h.GetProperty("Id").GetString() == id);
        Assert.Equal(("", ""), (hit.GetProperty("CreatedBy").GetString(), hit.GetProperty("OwnerOrg").GetString()));
        var listed = (await Json(await Eve.GetAsync("/odata/Resources?$select=Id,CreatedBy,OwnerOrg"))).GetProperty("value");
        Assert.DoesNotContain(listed.EnumerateArray(), r => r.GetProperty("CreatedBy").GetString() == "alice");

        // Oracles: the uploader fields take part in no query of a reviewer's.
        foreach (var query in new[]
                 {
                     "/odata/Resources?$filter=CreatedBy eq 'alice'", "/odata/Resources?$filter=OwnerOrg eq 'acme'",
                     "/odata/Resources?$filter=contains(CreatedBy,'ali')", "/odata/Resources?$filter=OwnerOrg in ('acme','lumen')",
                     "/odata/Resources/$count?$filter=CreatedBy eq 'alice'", "/odata/Resources?$orderby=OwnerOrg",
                     "/odata/Resources?$orderby=CreatedBy desc", "/odata/Resources?$search=圆的面积&$filter=CreatedBy eq 'alice'",
                     "/odata/Resources/$count?$search=圆的面积&$filter=OwnerOrg eq 'acme'", "/odata/Resources?$search=圆的面积&facets=OwnerOrg",
                     "/odata/Resources?$search=圆的面积&facet.OwnerOrg=acme", "/odata/Resources?facets=Subject,OwnerOrg",
                     "/odata/Resources?$apply=groupby((OwnerOrg),aggregate($count as N))",
                     "/odata/Resources?$apply=groupby((CreatedBy),aggregate($count as N))",
                 })
        {
            var error = await Error(await Eve.GetAsync(query), HttpStatusCode.BadRequest);
            Assert.Contains("上传者", error.GetProperty("message").GetString());
        }
        // Others keep using the fields (the vendor sees its own item by them).
        Assert.Contains(id, Strings(await Json(await Vendor.GetAsync("/odata/Resources?$filter=CreatedBy eq 'alice'")), "Id"));

        // History: nobody but the expert is named while the blind round is open.
        var history = (await Json(await Eve.GetAsync(item + "/History"))).GetProperty("value");
        var submit = Assert.Single(history.EnumerateArray(), e => e.GetProperty("Action").GetString() == "submit");
        Assert.Equal(("", ""), (submit.GetProperty("ActorId").GetString(), submit.GetProperty("ActorOrg").GetString()));
        var all = (await Json(await Eve.GetAsync("/odata/History"))).GetProperty("value");
        Assert.DoesNotContain(all.EnumerateArray(), e => e.GetProperty("ActorId").GetString() == "alice" || e.GetProperty("ActorOrg").GetString() == "acme");
        Assert.Equal("alice", (await Json(await Vendor.GetAsync(item + "/History"))).GetProperty("value")[0].GetProperty("ActorId").GetString());

        // Course expansions show the item as the reviewer is shown it.
        var course = await Json(await Vendor.PostAsJsonAsync("/odata/Courses", new
        {
            Title = "圆的面积专题", Kind = "required", Subject = "math", Stage = "primary", Items = new[] { new { ResourceId = id } },
        }));
        var expanded = await Json(await Eve.GetAsync($"/odata/Courses({course.GetProperty("Id").GetString()})?$expand=Items($expand=Resource)"));
        var resource = expanded.GetProperty("Items")[0].GetProperty("Resource");
        Assert.Equal(("", ""), (resource.GetProperty("CreatedBy").GetString(), resource.GetProperty("OwnerOrg").GetString()));
        var owner = (await Json(await Eve.GetAsync(item + "?$expand=Owner"))).GetProperty("Owner");
        Assert.Equal(JsonValueKind.Null, owner.ValueKind);

        // $batch parts go through the same rules.
        var batch = await Json(await Eve.PostAsJsonAsync("/odata/$batch", new
        {
            requests = new object[]
            {
                new { id = "1", method = "GET", url = $"Resources({id})/History" },
                new { id = "2", method = "GET", url = "Resources?$filter=CreatedBy eq 'alice'" },
            },
        }));
        var parts = batch.GetProperty("responses").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        Assert.DoesNotContain("alice", parts["1"].GetProperty("body").GetRawText());
        Assert.Equal(400, parts["2"].GetProperty("status").GetInt32());

        // Once the round is decided the item is public and so is its uploader.
        await Json(await Act(Eve, item, "Review", BlindScores(35, 50)));
        await Json(await Act(Ed, item, "Review", BlindScores(30, 45)));
        Assert.Equal("alice", (await Json(await Eve.GetAsync(item))).GetProperty("CreatedBy").GetString());
    }

    protected async Task Blind_review_hides_where_the_item_came_from_and_its_file_name()
    {
        var item = await BlindSubmittedAsync();
        var id = IdOf(item);
        const string provenance = "TrainingProject,Workshop,FileName";

        // Every row a reviewer reads: the entity, $select on a listing and on a search page, the web's own read path.
        var shown = new List<JsonElement>
        {
            await Json(await Eve.GetAsync(item)),
            (await Json(await Eve.GetAsync($"/odata/Resources?$select=Id,{provenance}"))).GetProperty("value").EnumerateArray().Single(r => r.GetProperty("Id").GetString() == id),
            (await Json(await Eve.GetAsync($"/odata/Resources?$search=圆的面积&$select=Id,{provenance}"))).GetProperty("value").EnumerateArray().Single(r => r.GetProperty("Id").GetString() == id),
            Assert.Single((await Json(await Eve.GetAsync("/odata/Resources/ReviewQueue()"))).GetProperty("value").EnumerateArray()),
        };
        foreach (var row in shown)
        {
            Assert.Equal(JsonValueKind.Null, row.GetProperty("TrainingProject").ValueKind);
            Assert.Equal(JsonValueKind.Null, row.GetProperty("Workshop").ValueKind);
            Assert.Equal("匿名评审.pdf", row.GetProperty("FileName").GetString());
        }

        // The download's name says nothing either.
        var download = await Eve.GetAsync(item + "/$value");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var disposition = download.Content.Headers.ContentDisposition!.ToString();
        Assert.DoesNotContain(Uri.EscapeDataString("张老师"), disposition);
        Assert.Contains(Uri.EscapeDataString("匿名评审"), disposition);

        // No query of a reviewer's may test them.
        foreach (var query in new[]
                 {
                     $"/odata/Resources?$filter=Workshop eq '{Workshop}'", "/odata/Resources?$filter=contains(TrainingProject,'远程')",
                     "/odata/Resources?$filter=startswith(FileName,'远程')", "/odata/Resources?$orderby=Workshop",
                     "/odata/Resources/$count?$filter=contains(FileName,'张')", "/odata/Resources?$search=圆的面积&$filter=contains(Workshop,'张')",
                     "/odata/Resources?$search=圆的面积&facets=Workshop", "/odata/Resources?$apply=groupby((TrainingProject),aggregate($count as N))",
                 })
        {
            var error = await Error(await Eve.GetAsync(query), HttpStatusCode.BadRequest);
            Assert.Contains("上传者", error.GetProperty("message").GetString());
        }

        // A transfer's History reason names the organisations ("from → to"): hidden while the round is blind.
        await Json(await Act(Admin("pat", "ah-edu"), item, "Transfer", new { ownerOrg = "bh-no1", reason = "机构合并" }));
        var history = (await Json(await Eve.GetAsync(item + "/History"))).GetProperty("value").GetRawText();
        Assert.DoesNotContain("acme", history);
        Assert.DoesNotContain("bh-no1", history);

        // Others see everything (the uploader's organisation changed hands: the platform admin reads it); the reviewer
        // does once the round is decided.
        var own = await Json(await Admin("pat", "ah-edu").GetAsync(item));
        Assert.Equal((Project, Workshop, FileName), (own.GetProperty("TrainingProject").GetString(), own.GetProperty("Workshop").GetString(), own.GetProperty("FileName").GetString()));
        await Json(await Act(Eve, item, "Review", BlindScores(35, 50)));
        await Json(await Act(Ed, item, "Review", BlindScores(30, 45)));
        Assert.Equal(Workshop, (await Json(await Eve.GetAsync(item))).GetProperty("Workshop").GetString());
    }

    private static object BlindScores(double a, double b) => new
    {
        scores = new[] { new { Criterion = "目标与学情", Points = a }, new { Criterion = "活动设计", Points = b } },
        verdict = "approve",
    };

    protected async Task Experts_see_no_other_verdict_until_the_round_is_decided()
    {
        var item = await CreateAsync(Vendor);
        await Json(await Act(Vendor, item, "Submit"));
        await Json(await Act(Eve, item, "Review", ReviewBody(0.87)));

        // Ed has not reviewed yet: nothing of Eve's review reaches him, on any path.
        var history = (await Json(await Ed.GetAsync(item + "/History"))).GetProperty("value");
        Assert.Equal(["submit"], history.EnumerateArray().Select(e => e.GetProperty("Action").GetString()));
        Assert.DoesNotContain("\"ActorId\":\"eve\"", (await Ed.GetStringAsync("/odata/History")));
        Assert.DoesNotContain("/100", (await Ed.GetStringAsync("/odata/History")));
        Assert.Empty((await Json(await Ed.GetAsync(item + "/Reviews"))).GetProperty("value").EnumerateArray());
        Assert.Empty((await Json(await Ed.GetAsync("/odata/Reviews"))).GetProperty("value").EnumerateArray());
        var eventIds = (await Json(await Vendor.GetAsync(item + "/History"))).GetProperty("value").EnumerateArray()
            .Where(e => e.GetProperty("ActorId").GetString() == "eve").Select(e => e.GetProperty("Id").GetInt64()).ToList();
        Assert.NotEmpty(eventIds);
        foreach (var eventId in eventIds)
            Assert.Equal(HttpStatusCode.NotFound, (await Ed.GetAsync($"/odata/History({eventId})")).StatusCode);
        var batch = await Ed.PostAsJsonAsync("/odata/$batch", new { requests = new[] { new { id = "1", method = "GET", url = "History" } } });
        Assert.DoesNotContain("\"ActorId\":\"eve\"", await batch.Content.ReadAsStringAsync());

        // Eve sees her own review and verdict; the owner and admins see everything.
        Assert.Contains((await Json(await Eve.GetAsync(item + "/History"))).GetProperty("value").EnumerateArray(),
            e => e.GetProperty("Action").GetString() == "review" && e.GetProperty("Reason").GetString()!.StartsWith("approve", StringComparison.Ordinal));
        Assert.Contains("\"ActorId\":\"eve\"", await Admin("cathy", "bh-edu").GetStringAsync(item + "/History"));

        // Decided: the verdicts are part of the record for everyone who sees the item.
        await Json(await Act(Ed, item, "Review", ReviewBody(0.8)));
        Assert.Equal("published", await StatusOf(Vendor, item));
        var after = (await Json(await Ed.GetAsync(item + "/History"))).GetProperty("value");
        Assert.Equal(2, after.EnumerateArray().Count(e => e.GetProperty("Action").GetString() == "review"));
    }
}

public sealed class SqliteReviewConfidentialityTests() : ReviewConfidentialityTests(DatabaseOptions.Sqlite)
{
    [Fact] public Task Blind_review() => Blind_review_hides_the_uploader_on_every_channel();
    [Fact] public Task Blind_provenance() => Blind_review_hides_where_the_item_came_from_and_its_file_name();
    [Fact] public Task Verdicts() => Experts_see_no_other_verdict_until_the_round_is_decided();
}

[Trait("Provider", "postgres")]
public sealed class PostgresReviewConfidentialityTests() : ReviewConfidentialityTests(DatabaseOptions.Postgres)
{
    [PostgresFact] public Task Blind_review() => Blind_review_hides_the_uploader_on_every_channel();
    [PostgresFact] public Task Blind_provenance() => Blind_review_hides_where_the_item_came_from_and_its_file_name();
    [PostgresFact] public Task Verdicts() => Experts_see_no_other_verdict_until_the_round_is_decided();
}
