using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ResourceHub.Application.Curation;
using ResourceHub.Application.Identity;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Web.Tests.Pages;

/// <summary>
/// The experts', hosts' and admins' jobs in the browser: two experts review one item with the rubric (one by
/// keyboard alone), a host nominates it, an admin recommends it up two levels within the quota shown, and an
/// exhausted quota is refused in Chinese. Titles with markup show as text on these pages.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class CurationPagesTests(WebServer server)
{
    [Fact]
    public async Task Two_experts_review_a_host_nominates_and_an_admin_recommends_up_two_levels()
    {
        var title = "<script>alert('review')</script>比例的意义（评审）" + Guid.NewGuid().ToString("N")[..6];
        var id = await SubmitAsync(title, "micro-lesson");
        await SetQuotasAsync();

        // Expert one: the queue lists it (markup as text), the form takes points with the mouse.
        var zhang = await server.SignedInAsync("zhang.expert");
        await zhang.ClickAsync("nav >> text=评审工作台");
        await zhang.WaitForURLAsync(server.BaseUrl + "/review");
        var link = zhang.Locator($"a[href='/review/{id}']");
        Assert.Equal(title, await link.TextContentAsync());
        await link.ClickAsync();
        Assert.Equal(title, await zhang.TextContentAsync("h1"));
        Assert.Equal(0, await zhang.Locator("script:not([src])").CountAsync());
        foreach (var (points, i) in new[] { 22, 23, 18, 17, 9 }.Select((p, i) => (p, i)))
            await zhang.FillAsync($"#points-{i}", points.ToString());
        Assert.Equal("89", await zhang.TextContentAsync("#total"));
        await zhang.CheckAsync("#verdict-approve");
        await zhang.FillAsync("#comment", "设计清晰，技术运用得当。");
        await zhang.ClickAsync("button:has-text('提交评审')");
        await zhang.WaitForURLAsync(u => u.Contains("done="));
        Assert.Contains("评审已提交", await zhang.TextContentAsync(".notice"));
        Assert.Contains("89 / 100", await zhang.TextContentAsync("#mine-heading + p"));
        Assert.Equal(0, await zhang.Locator("#rubric-form").CountAsync());

        // Expert two, keyboard only: Tab to each field, type, Space for the verdict, Enter to send.
        var chen = await server.SignedInAsync("chen.expert");
        await chen.GotoAsync($"/review/{id}");
        Assert.Equal(0, await chen.Locator("#mine-heading").CountAsync()); // zhang's review is not shown to chen
        Assert.DoesNotContain("设计清晰", await chen.ContentAsync());
        await TabToAsync(chen, "points-0");
        Assert.NotEqual("none", await chen.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
        foreach (var points in new[] { "20", "22", "17", "18", "8" })
        {
            await chen.Keyboard.TypeAsync(points);
            await chen.Keyboard.PressAsync("Tab");
        }
        Assert.Equal("85", await chen.TextContentAsync("#total"));
        Assert.Equal("verdict-approve", await ActiveIdAsync(chen));
        await chen.Keyboard.PressAsync("Space");
        await TabToAsync(chen, "comment");
        await chen.Keyboard.TypeAsync("内容准确，建议精简片头。");
        await chen.Keyboard.PressAsync("Tab");
        Assert.Equal("提交评审", (await chen.EvaluateAsync<string>("() => document.activeElement.textContent"))?.Trim());
        await chen.Keyboard.PressAsync("Enter");
        await chen.WaitForURLAsync(u => u.Contains("done="));
        Assert.Contains("本轮评审已结束", await chen.TextContentAsync("#mine-heading ~ p.hint"));
        Assert.Contains("89 / 100", await chen.TextContentAsync("#others-heading + ul")); // decided: the other review is now shown
        Assert.Equal(ResourceStatus.Published, await StatusAsync(id));

        // The host nominates it for the school level.
        var host = await server.SignedInAsync("zhao.host");
        await host.ClickAsync("nav >> text=推优");
        await host.FillAsync("#q", "比例的意义");
        await host.Keyboard.PressAsync("Enter");
        var item = host.Locator($"#item-{id}");
        Assert.Equal(title, await item.Locator("h3").TextContentAsync());
        await item.Locator("input[name=reason]").FillAsync("课例典型，适合校级推广");
        await item.Locator("button:has-text('推优到校级')").ClickAsync();
        await host.WaitForURLAsync(u => u.Contains("done="));
        Assert.Contains("课例典型，适合校级推广", await host.Locator($"#item-{id} .nominations").TextContentAsync());

        // The province admin recommends it school → county, seeing the quota used up, then city is refused.
        var admin = await server.SignedInAsync("province.admin");
        await admin.GotoAsync("/recommend?q=" + Uri.EscapeDataString("比例的意义"));
        Assert.Contains("课例典型", await admin.Locator($"#item-{id} .nominations").TextContentAsync());
        await admin.Locator($"#item-{id} button:has-text('推荐为校级')").ClickAsync();
        await admin.WaitForURLAsync(u => u.Contains("done="));
        await admin.Locator($"#item-{id} button:has-text('推荐为县级')").ClickAsync();
        await admin.WaitForURLAsync(u => u.Contains("done=") && u.Contains(Uri.EscapeDataString("县级")));
        Assert.Equal("县级", await admin.Locator($"#item-{id} .level").TextContentAsync());
        var quotas = await admin.TextContentAsync("#quotas");
        Assert.Contains("1 / 5", quotas); // school level: one of five used
        Assert.Contains("1 / 1（已用完）", quotas);
        var refused = await admin.RunAndWaitForResponseAsync(
            () => admin.Locator($"#item-{id} button:has-text('推荐为市级')").ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(409, refused.Status);
        Assert.Contains("推荐名额已用完", await admin.TextContentAsync(".notice.error"));
        Assert.Equal("县级", await admin.Locator($"#item-{id} .level").TextContentAsync());
    }

    [Fact]
    public async Task A_blind_review_shows_no_uploader_and_only_experts_open_the_desk()
    {
        var title = "匿名评审案例" + Guid.NewGuid().ToString("N")[..6];
        var id = await SubmitAsync(title, "case");
        var expert = await server.SignedInAsync("zhang.expert");
        await expert.GotoAsync("/review");
        var row = expert.Locator("tr", new() { HasText = title });
        Assert.Contains("匿名评审", await row.TextContentAsync());
        await expert.GotoAsync($"/review/{id}");
        var html = await expert.ContentAsync();
        Assert.Contains("匿名评审", html);
        Assert.DoesNotContain("acme", html);
        Assert.DoesNotContain("远程培训示范机构", html);
        Assert.DoesNotContain("alice", html);

        var teacher = await server.SignedInAsync("li.ming");
        Assert.Equal(0, await teacher.Locator("nav >> text=评审工作台").CountAsync());
        var response = await teacher.GotoAsync("/review");
        Assert.Equal(403, response!.Status);
        Assert.Contains("只有学科专家", await teacher.ContentAsync());
    }

    private static async Task TabToAsync(IPage page, string id)
    {
        for (var i = 0; i < 80 && await ActiveIdAsync(page) != id; i++)
            await page.Keyboard.PressAsync("Tab");
        Assert.Equal(id, await ActiveIdAsync(page));
    }

    private static Task<string> ActiveIdAsync(IPage page) => page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''");

    /// <summary>alice (vendor acme) submits a math item; "case" items are judged by a blind rubric of the province.</summary>
    private async Task<Guid> SubmitAsync(string title, string kind)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResourceHubDbContext>();
        if (kind == "case" && !await db.Set<Rubric>().AnyAsync(r => r.OwnerOrg == "ah-edu" && r.BlindReview))
        {
            var blind = SeedRubrics.Lesson("ah-edu", DateTime.UtcNow);
            (blind.Id, blind.Name, blind.Kinds, blind.BlindReview) = (Guid.NewGuid(), "案例匿名评审量规", ["case"], true);
            foreach (var c in blind.Criteria)
                c.RubricId = blind.Id;
            db.Add(blind);
        }
        var now = DateTime.UtcNow;
        var resource = new Resource
        {
            Id = Guid.NewGuid(), Kind = kind, Title = title, Description = "**比例**的意义与基本性质", Subject = "math", Stage = "primary",
            OwnerOrg = "acme", CreatedBy = "alice", CreatedAt = now, UpdatedAt = now, Status = ResourceStatus.Draft,
        };
        db.Resources.Add(resource);
        await db.SaveChangesAsync();
        var alice = new Caller("alice", "上传员", Roles.Vendor, "acme", []);
        await scope.ServiceProvider.GetRequiredService<CurationRunner>().ActAsync(alice, resource.Id, null, s => s.SubmitAsync(), default);
        return resource.Id;
    }

    /// <summary>The province's math quotas this year: five at school level, one at county level, none at city level.</summary>
    private async Task SetQuotasAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResourceHubDbContext>();
        var admin = await scope.ServiceProvider.GetRequiredService<OrganizationDirectory>()
            .ResolveAsync(new Caller("province.admin", "省管理员", Roles.Admin, "ah-edu", []), db, default);
        var quotas = scope.ServiceProvider.GetRequiredService<QuotaAdmin>();
        foreach (var (level, max) in new[] { (RecommendationLevels.School, 5), (RecommendationLevels.County, 1), (RecommendationLevels.City, 0) })
            if (!await db.Set<RecommendationQuota>().AnyAsync(q => q.RegionCode == "ah-edu" && q.Level == level && q.Subject == "math"))
                await quotas.CreateAsync(admin, new QuotaInput(level, "ah-edu", "math", DateTime.UtcNow.Year, max), default);
    }

    private async Task<string> StatusAsync(Guid id)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ResourceHubDbContext>().Resources.Where(r => r.Id == id).Select(r => r.Status).SingleAsync();
    }
}
