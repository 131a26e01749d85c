using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResourceHub.Api.Tests.Curation;
using ResourceHub.Data;
using ResourceHub.Domain.Resources;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Packages;

/// <summary>
/// A 资源包 through the resources' curation over HTTP on each database: submit (only with every resource published, and
/// a 课例 only with a lesson design and a reflection), the experts' queue and review, 推优, level-by-level recommendation,
/// History, visibility before and after, and each role refused in Chinese.
/// </summary>
public abstract class PackageCurationTests(string provider) : CurationApi(provider)
{
    private async Task<Guid> ResourceAsync(string kind, string title, bool published)
    {
        var created = await Json(await Vendor.PostAsJsonAsync("/odata/Resources",
            new { Kind = kind, Title = title, Subject = "math", Stage = "primary" }));
        var id = Guid.Parse(created.GetProperty("Id").GetString()!);
        if (published)
        {
            await using var db = Db.CreateContext();
            await db.Resources.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ResourceStatus.Published));
        }
        return id;
    }

    private static object Outline(params Guid[] ids) => new { Sections = new[] { new { Title = "第一课时", ResourceIds = ids } } };

    protected async Task A_lesson_case_package_is_submitted_reviewed_and_recommended_level_by_level()
    {
        var design = await ResourceAsync("lesson-design", "圆的面积：教学设计", published: true);
        var reflection = await ResourceAsync("reflection", "圆的面积：教学反思", published: true);
        var draft = await ResourceAsync("courseware", "圆的面积：课件（草稿）", published: false);
        var created = await Json(await Vendor.PostAsJsonAsync("/odata/Packages", new
        {
            Title = "《圆的面积》课例", Subject = "math", Stage = "primary", Kind = "lesson-case",
            Sections = new[] { new { Title = "第一课时", ResourceIds = new[] { design, draft } } },
        }));
        Assert.Equal("lesson-case", created.GetProperty("Kind").GetString());
        Assert.Equal("draft", created.GetProperty("Status").GetString());
        var package = $"/odata/Packages({created.GetProperty("Id").GetString()})";

        // Every resource inside must be live first: experts approve what its readers will download.
        var unpublished = await Error(await Act(Vendor, package, "Submit"), HttpStatusCode.Conflict);
        Assert.StartsWith("资源包中的资源须全部发布后才能提交审核，尚未发布：《圆的面积：课件（草稿）》", unpublished.GetProperty("message").GetString());

        // A 课例 without its reflection fails the 规范性检查 rule from upload-rules.json.
        (await Vendor.PatchAsJsonAsync(package, Outline(design))).EnsureSuccessStatusCode();
        var incomplete = await Error(await Act(Vendor, package, "Submit"), HttpStatusCode.Conflict);
        Assert.Contains("课例资源包须包含教学设计和教学反思（缺少教学反思）", incomplete.GetProperty("message").GetString());

        (await Vendor.PatchAsJsonAsync(package, Outline(design, reflection))).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await Act(Teacher(), package, "Submit")).StatusCode); // another org's draft is not there for him
        var submitted = await Json(await Act(Vendor, package, "Submit"));
        Assert.Equal("submitted", submitted.GetProperty("Status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Teacher().GetAsync(package)).StatusCode);
        var frozen = await Error(await Vendor.PatchAsJsonAsync(package, new { Title = "改名" }), HttpStatusCode.Conflict);
        Assert.StartsWith("“已提交”状态的资源包不能修改", frozen.GetProperty("message").GetString());

        // In the expert's package queue (not the resources'); others are refused in Chinese.
        var eve = Expert("eve", "ys-edu");
        var queue = await Json(await eve.GetAsync("/odata/Packages/ReviewQueue()"));
        Assert.Equal([created.GetProperty("Id").GetString()!], Strings(queue, "Id"));
        Assert.DoesNotContain(created.GetProperty("Id").GetString()!, Strings(await Json(await eve.GetAsync("/odata/Resources/ReviewQueue()")), "Id"));
        var notExpert = await Error(await Act(Admin("hf.admin", "hf-edu"), package, "Review", ReviewBody(0.9)), HttpStatusCode.Forbidden);
        Assert.StartsWith("只有学科专家可以评审", notExpert.GetProperty("message").GetString());
        var otherSubject = await Error(await Act(Expert("yan", "ys-edu", "chinese"), package, "Review", ReviewBody(0.9)), HttpStatusCode.NotFound);
        Assert.Contains("资源包", otherSubject.GetProperty("message").GetString()); // an expert of another subject cannot even see it
        var early = await Error(await Act(Admin("bh.admin", "bh-edu"), package, "Recommend", new { level = "school" }), HttpStatusCode.Conflict);
        Assert.StartsWith("只有已发布的资源可以推优、推荐或评分", early.GetProperty("message").GetString());

        await Json(await Act(eve, package, "Review", ReviewBody(0.9)));
        var twice = await Error(await Act(eve, package, "Review", ReviewBody(0.9)), HttpStatusCode.Conflict);
        Assert.StartsWith("您已评审过本轮", twice.GetProperty("message").GetString());
        var published = await Json(await Act(Expert("ed", "hf-edu"), package, "Review", ReviewBody(0.8)));
        Assert.Equal("published", published.GetProperty("Status").GetString());
        Assert.Equal(84.5, published.GetProperty("QualityScore").GetDouble(), 3);
        Assert.Equal("《圆的面积》课例", (await Json(await Teacher().GetAsync(package))).GetProperty("Title").GetString());

        // 推优 by a host, then one level per step by admins of the owner's region.
        var teacherNominates = await Error(await Act(Teacher(), package, "Nominate", new { level = "school", reason = "好" }), HttpStatusCode.Forbidden);
        Assert.StartsWith("只有工作坊坊主可以推优", teacherNominates.GetProperty("message").GetString());
        await Json(await Act(Host, package, "Nominate", new { level = "school", reason = "坊内公认的优秀课例" }));
        var teacherRecommends = await Error(await Act(Teacher(), package, "Recommend", new { level = "school" }), HttpStatusCode.Forbidden);
        Assert.StartsWith("只有学校或教育行政机构的管理员可以推荐或淘汰资源", teacherRecommends.GetProperty("message").GetString());
        var outside = await Error(await Act(Admin("ys.admin", "ys-edu"), package, "Recommend", new { level = "school" }), HttpStatusCode.Forbidden);
        Assert.StartsWith("该资源不在您管辖的区域内", outside.GetProperty("message").GetString());
        var county = Admin("bh.admin", "bh-edu");
        var skip = await Error(await Act(county, package, "Recommend", new { level = "county" }), HttpStatusCode.Conflict);
        Assert.StartsWith("推荐须逐级进行，下一级为“校级”", skip.GetProperty("message").GetString());
        await Json(await Act(county, package, "Recommend", new { level = "school", reason = "校级优秀课例" }));
        var stale = await Act(county, package, "Recommend", new { level = "county" }, ifMatch: published.GetProperty("@odata.etag").GetString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var recommended = await Json(await Act(county, package, "Recommend", new { level = "county", reason = "县级优秀课例" }));
        Assert.Equal("recommended", recommended.GetProperty("Status").GetString());
        Assert.Equal("county", recommended.GetProperty("RecommendationLevel").GetString());

        var history = await Json(await Vendor.GetAsync($"{package}/History"));
        Assert.Equal(["submit", "start-review", "review", "review", "publish", "nominate", "recommend", "recommend"], Strings(history, "Action"));
        Assert.Equal(["school"], Strings(await Json(await Vendor.GetAsync($"{package}/Nominations")), "Level"));
        Assert.Equal(2, (await Json(await Vendor.GetAsync($"{package}/Reviews"))).GetProperty("value").GetArrayLength());
        Assert.Single((await Json(await eve.GetAsync($"{package}/Reviews"))).GetProperty("value").EnumerateArray()); // an expert reads only their own
        // Package records stay out of the resources' sets.
        Assert.DoesNotContain(created.GetProperty("Id").GetString()!, Strings(await Json(await Vendor.GetAsync("/odata/History")), "ResourceId"));

        var delete = await Error(await Vendor.DeleteAsync(package), HttpStatusCode.Conflict);
        Assert.Contains("不能删除", delete.GetProperty("message").GetString());
        var retire = await Error(await Act(Teacher(), package, "Retire", new { reason = "过时" }), HttpStatusCode.Forbidden);
        Assert.StartsWith("只有学校或教育行政机构的管理员", retire.GetProperty("message").GetString());
        Assert.Equal("retired", (await Json(await Act(county, package, "Retire", new { reason = "内容过时" }))).GetProperty("Status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Teacher().GetAsync(package)).StatusCode);
    }

    protected async Task A_blind_package_review_hides_who_made_it_on_every_read()
    {
        await Json(await Admin("pat", "ah-edu").PostAsJsonAsync("/odata/Rubrics", new
        {
            Name = "资源包匿名评审", Kinds = new[] { "general" }, RequiredReviews = 2, PassMean = 60, DivergenceGap = 15, BlindReview = true,
            Criteria = new[] { new { Name = "整体设计", MaxPoints = 100.0 } },
        }));
        var item = await ResourceAsync("courseware", "分数的意义：课件", published: true);
        var created = await Json(await Vendor.PostAsJsonAsync("/odata/Packages", new
        {
            Title = "《分数的意义》资源包", Subject = "math", Stage = "primary",
            Sections = new[] { new { Title = "第一课时", ResourceIds = new[] { item } } },
        }));
        var package = $"/odata/Packages({created.GetProperty("Id").GetString()})";
        await Json(await Act(Vendor, package, "Submit"));

        var eve = Expert("eve", "ys-edu");
        var seen = await Json(await eve.GetAsync(package));
        Assert.Equal(("", ""), (seen.GetProperty("OwnerOrg").GetString(), seen.GetProperty("CreatedBy").GetString()));
        var listed = (await Json(await eve.GetAsync("/odata/Packages"))).GetProperty("value");
        Assert.NotEmpty(listed.EnumerateArray());
        Assert.DoesNotContain(listed.EnumerateArray(), p => p.GetProperty("OwnerOrg").GetString() == "acme" || p.GetProperty("CreatedBy").GetString() == "alice");
        foreach (var oracle in new[] { "/odata/Packages?$filter=OwnerOrg eq 'acme'", "/odata/Packages?$orderby=CreatedBy",
                     "/odata/Packages?$apply=groupby((OwnerOrg))" })
            Assert.Equal(HttpStatusCode.BadRequest, (await eve.GetAsync(oracle)).StatusCode);
        var own = await Json(await Vendor.GetAsync(package));
        Assert.Equal(("acme", "alice"), (own.GetProperty("OwnerOrg").GetString(), own.GetProperty("CreatedBy").GetString()));
    }

    protected async Task A_draft_is_its_owners_and_an_empty_package_is_not_submitted()
    {
        var tom = Teacher();
        var created = await Json(await tom.PostAsJsonAsync("/odata/Packages", new { Title = "我的备课", Subject = "math", Stage = "primary" }));
        var package = $"/odata/Packages({created.GetProperty("Id").GetString()})";
        Assert.Equal(HttpStatusCode.NotFound, (await Teacher("tina").GetAsync(package)).StatusCode); // a colleague does not see a draft
        var empty = await Error(await Act(tom, package, "Submit"), HttpStatusCode.Conflict);
        Assert.StartsWith("资源包中没有资源，不能提交审核", empty.GetProperty("message").GetString());
        var bad = await Error(await tom.PatchAsJsonAsync(package, new { Kind = "unit" }), HttpStatusCode.BadRequest);
        Assert.Contains("资源包类型“unit”不存在", bad.GetRawText());
        // Sent back by the experts, it may be deleted, and its History, reviews and round go with it (no foreign key cascades them).
        var design = await ResourceAsync("lesson-design", "圆的面积：教学设计", published: true);
        (await tom.PatchAsJsonAsync(package, Outline(design))).EnsureSuccessStatusCode();
        await Json(await Act(tom, package, "Submit"));
        await Json(await Act(Expert("eve", "ys-edu"), package, "Review", ReviewBody(0.5, "changes")));
        await Json(await Act(Expert("ed", "hf-edu"), package, "Review", ReviewBody(0.5, "changes")));
        Assert.Equal("changes-requested", await StatusOf(tom, package));
        (await tom.DeleteAsync(package)).EnsureSuccessStatusCode();
        var id = Guid.Parse(created.GetProperty("Id").GetString()!);
        await using var db = Db.CreateContext();
        Assert.False(await db.Set<ResourceHub.Domain.Packages.Package>().AnyAsync(p => p.Id == id));
        Assert.False(await db.Set<ResourceHub.Domain.Curation.CurationEvent>().AnyAsync(e => e.ResourceId == id));
        Assert.False(await db.Set<ResourceHub.Domain.Curation.Review>().AnyAsync(r => r.ResourceId == id));
        Assert.False(await db.Set<ResourceHub.Domain.Curation.ReviewCase>().AnyAsync(c => c.ResourceId == id));
    }
}

[Trait("Provider", "sqlite")]
public sealed class SqlitePackageCurationTests() : PackageCurationTests(DatabaseOptions.Sqlite)
{
    [Fact] public Task Lifecycle() => A_lesson_case_package_is_submitted_reviewed_and_recommended_level_by_level();
    [Fact] public Task Drafts() => A_draft_is_its_owners_and_an_empty_package_is_not_submitted();
    [Fact] public Task Blind() => A_blind_package_review_hides_who_made_it_on_every_read();
}

[Trait("Provider", "postgres")]
public sealed class PostgresPackageCurationTests() : PackageCurationTests(DatabaseOptions.Postgres)
{
    [PostgresFact] public Task Lifecycle() => A_lesson_case_package_is_submitted_reviewed_and_recommended_level_by_level();
    [PostgresFact] public Task Drafts() => A_draft_is_its_owners_and_an_empty_package_is_not_submitted();
    [PostgresFact] public Task Blind() => A_blind_package_review_hides_who_made_it_on_every_read();
}
