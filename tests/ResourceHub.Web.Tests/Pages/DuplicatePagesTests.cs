using Microsoft.Extensions.DependencyInjection;
using ResourceHub.Application.Curation;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Duplicates;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Web.Tests.Pages;

/// <summary>
/// 可能重复 on the review desk: the queue marks items with matches, the item's page lists each one (title linked when the
/// expert may open it, how it was found, the score, the organisation) and a blind round hides any organisation that
/// would name the uploader.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class DuplicatePagesTests(WebServer server)
{
    [Fact]
    public async Task The_queue_marks_an_item_with_matches_and_its_desk_lists_them_with_score_and_organisation()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var id = await SubmitAsync("比例的意义（待查重）" + tag, "micro-lesson");
        var twin = await PublishedAsync("比例的意义（已发布）" + tag, "bh-no1", "li.ming");
        var draft = await PublishedAsync("比例的意义（草稿）" + tag, "bh-no1", "li.ming", ResourceStatus.Draft);
        await CandidateAsync(id, twin, DuplicateMethods.Sha256, 1);
        await CandidateAsync(draft, id, DuplicateMethods.Title, 0.857);
        var plain = await SubmitAsync("没有重复的资源" + tag, "micro-lesson");

        var expert = await server.SignedInAsync("zhang.expert");
        await expert.GotoAsync("/review");
        Assert.Equal("可能重复 2", (await expert.Locator("tr", new() { HasText = "比例的意义（待查重）" + tag }).Locator(".duplicate-badge").TextContentAsync())?.Trim());
        Assert.Equal(0, await expert.Locator("tr", new() { HasText = "没有重复的资源" + tag }).Locator(".duplicate-badge").CountAsync());

        await expert.GotoAsync($"/review/{id}");
        var items = expert.Locator("#duplicates li");
        Assert.Equal(2, await items.CountAsync());
        var first = items.Nth(0);
        Assert.Equal("比例的意义（已发布）" + tag, await first.Locator($"a[href='/resources/{twin}']").TextContentAsync());
        Assert.Equal("文件完全相同", await first.Locator(".method").TextContentAsync());
        Assert.Equal("100%", await first.Locator(".score").TextContentAsync());
        Assert.Equal("包河区第一小学", await first.Locator(".org").TextContentAsync());
        var second = items.Nth(1);
        // A draft the expert may not open: its title, but no link.
        Assert.Equal(0, await second.Locator("a").CountAsync());
        Assert.Contains("比例的意义（草稿）" + tag, await second.TextContentAsync());
        Assert.Equal("标题相似", await second.Locator(".method").TextContentAsync());
        Assert.Equal("86%", await second.Locator(".score").TextContentAsync());
        Assert.Equal(0, await expert.Locator("#duplicates form").CountAsync()); // merging is the admins' job

        await expert.GotoAsync($"/review/{plain}");
        Assert.Equal(0, await expert.Locator("#duplicates").CountAsync());
    }

    [Fact]
    public async Task A_blind_round_shows_matches_without_an_organisation_that_names_the_uploader()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var id = await SubmitAsync("匿名查重案例" + tag, "case");
        var sameOrg = await PublishedAsync("匿名查重案例（机构旧版）" + tag, "acme", "alice");
        var otherOrg = await PublishedAsync("匿名查重案例（学校版）" + tag, "bh-no1", "li.ming");
        await CandidateAsync(id, sameOrg, DuplicateMethods.Video, 0.93);
        await CandidateAsync(id, otherOrg, DuplicateMethods.Text, 0.71);

        var expert = await server.SignedInAsync("zhang.expert");
        await expert.GotoAsync($"/review/{id}");
        var items = expert.Locator("#duplicates li");
        Assert.Equal(2, await items.CountAsync());
        Assert.Equal("93%", await items.Nth(0).Locator(".score").TextContentAsync());
        Assert.Equal("视频画面相似", await items.Nth(0).Locator(".method").TextContentAsync());
        Assert.Equal(0, await items.Nth(0).Locator(".org").CountAsync()); // the uploader's own organisation would unblind the round
        Assert.Equal("包河区第一小学", await items.Nth(1).Locator(".org").TextContentAsync());
        var html = await expert.ContentAsync();
        Assert.DoesNotContain("远程培训示范机构", html);
        Assert.DoesNotContain("acme", html);
        Assert.DoesNotContain("alice", html);
    }

    [Fact]
    public async Task An_admin_merges_a_duplicate_from_the_panel_and_its_old_address_leads_to_the_kept_item()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var keep = await PublishedAsync("圆的周长（保留）" + tag, "bh-no1", "li.ming");
        var duplicate = await PublishedAsync("圆的周长（重复）" + tag, "acme", "alice");
        await CandidateAsync(duplicate, keep, DuplicateMethods.Sha256, 1);

        // Teachers see no panel; admins see it with a merge button per match.
        var teacher = await server.SignedInAsync("wang.fang");
        await teacher.GotoAsync($"/resources/{keep}");
        Assert.Equal(0, await teacher.Locator("#duplicates").CountAsync());

        var admin = await server.SignedInAsync("province.admin");
        await admin.GotoAsync($"/resources/{keep}");
        var match = admin.Locator("#duplicates li");
        Assert.Equal("圆的周长（重复）" + tag, await match.Locator($"a[href='/resources/{duplicate}']").TextContentAsync());
        Assert.Equal("远程培训示范机构", await match.Locator(".org").TextContentAsync());
        await match.Locator("button:has-text('保留本资源，合并此重复项')").ClickAsync();
        await admin.Locator(".notice").WaitForAsync();
        Assert.Contains("已合并重复资源", await admin.TextContentAsync(".notice"));
        Assert.Contains("done=", admin.Url);
        Assert.Equal(0, await admin.Locator("#duplicates").CountAsync()); // the finding is resolved

        // The duplicate's address now opens the kept item, for everyone.
        var response = await teacher.GotoAsync($"/resources/{duplicate}");
        Assert.Equal(server.BaseUrl + $"/resources/{keep}", teacher.Url);
        Assert.Equal("圆的周长（保留）" + tag, await teacher.TextContentAsync("h1"));
        Assert.Equal(301, (await response!.Request.RedirectedFrom!.ResponseAsync())!.Status);
    }

    [Fact]
    public async Task A_teacher_posting_a_merge_is_refused_in_chinese()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var keep = await PublishedAsync("合并越权（保留）" + tag, "bh-no1", "li.ming");
        var duplicate = await PublishedAsync("合并越权（重复）" + tag, "acme", "alice");
        var teacher = await server.SignedInAsync("wang.fang");
        await teacher.GotoAsync($"/resources/{keep}");
        var token = await teacher.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var refused = await teacher.Context.APIRequest.PostAsync($"/resources/{keep}?handler=Merge", new()
        {
            Form = teacher.Context.APIRequest.CreateFormData().Set("duplicate", duplicate.ToString()).Set("__RequestVerificationToken", token!),
        });
        Assert.Equal(403, refused.Status);
        Assert.Contains("只有管理员可以合并重复资源", await refused.TextAsync());
    }

    private async Task CandidateAsync(Guid resource, Guid other, string method, double score)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResourceHubDbContext>();
        db.Add(new DuplicateCandidate { ResourceId = resource, OtherResourceId = other, Method = method, Score = score, FoundAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }

    private async Task<Guid> PublishedAsync(string title, string org, string user, string status = ResourceStatus.Published)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResourceHubDbContext>();
        var now = DateTime.UtcNow;
        var resource = new Resource
        {
            Id = Guid.NewGuid(), Kind = "micro-lesson", Title = title, Subject = "math", Stage = "primary",
            OwnerOrg = org, CreatedBy = user, CreatedAt = now, UpdatedAt = now, Status = status,
        };
        db.Resources.Add(resource);
        await db.SaveChangesAsync();
        return resource.Id;
    }

    /// <summary>alice (vendor acme) submits a math item; "case" items are judged by a blind rubric of the province.</summary>
    private async Task<Guid> SubmitAsync(string title, string kind)
    {
        var id = await PublishedAsync(title, "acme", "alice", ResourceStatus.Draft);
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResourceHubDbContext>();
        if (kind == "case" && !db.Set<Rubric>().Any(r => r.OwnerOrg == "ah-edu" && r.BlindReview))
        {
            var blind = SeedRubrics.Lesson("ah-edu", DateTime.UtcNow);
            (blind.Id, blind.Name, blind.Kinds, blind.BlindReview) = (Guid.NewGuid(), "案例匿名评审量规", ["case"], true);
            foreach (var c in blind.Criteria)
                c.RubricId = blind.Id;
            db.Add(blind);
            await db.SaveChangesAsync();
        }
        if (kind != "micro-lesson")
        {
            var resource = await db.Resources.FindAsync(id);
            resource!.Kind = kind;
            await db.SaveChangesAsync();
        }
        var alice = new Caller("alice", "上传员", Roles.Vendor, "acme", []);
        await scope.ServiceProvider.GetRequiredService<CurationRunner>().ActAsync(alice, id, null, s => s.SubmitAsync(), default);
        return id;
    }
}
