using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResourceHub.Api.Demo;
using ResourceHub.Application.Identity;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Organizations;
using ResourceHub.Domain.Users;

namespace ResourceHub.Web.Tests.Pages;

/// <summary>
/// Administration in the browser: rubrics and quotas by the province admin; organisations and people by a city
/// admin, who never sees nor changes a sibling city's (the server refuses even a forged form).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AdminPagesTests(WebServer server)
{
    [Fact]
    public async Task The_province_admin_creates_a_rubric_and_sets_a_quota()
    {
        var name = "<script>alert('rubric')</script>校本研修量规" + Guid.NewGuid().ToString("N")[..4];
        var admin = await server.SignedInAsync("province.admin");
        await admin.ClickAsync("nav >> text=管理");
        await admin.ClickAsync("a:has-text('评审量规')");
        await admin.ClickAsync("a:has-text('新建本区域量规')");
        await admin.FillAsync("#Form_Name", name);
        await admin.SelectOptionAsync("#Form_Kinds", ["journal"]);
        await admin.FillAsync("#Form_PassMean", "30");
        await admin.FillAsync("#Form_DivergenceGap", "10");
        await admin.CheckAsync("#Form_BlindReview");
        await admin.FillAsync("#c-name-0", "研修计划");
        await admin.FillAsync("#c-max-0", "20");
        await admin.FillAsync("#c-name-1", "研修过程");
        await admin.FillAsync("#c-max-1", "30");
        await admin.ClickAsync("button:has-text('保存量规')");
        await admin.WaitForURLAsync(u => u.Contains("/admin/rubrics?done="));
        var row = admin.Locator("#rubrics tr", new() { HasText = "研修计划 20" });
        Assert.Equal(name, await row.Locator("td").First.TextContentAsync());
        Assert.Contains("满分 50", await row.TextContentAsync());
        Assert.Contains("匿名评审", await row.TextContentAsync());
        Assert.Equal(0, await admin.Locator("script:not([src])").CountAsync());

        // A bad pass mark is refused in Chinese on the page, with what was entered kept.
        await row.Locator("a:has-text('修改')").ClickAsync();
        await admin.FillAsync("#Form_PassMean", "80");
        var refused = await admin.RunAndWaitForResponseAsync(() => admin.ClickAsync("button:has-text('保存量规')"), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        Assert.Contains("通过分须在 0 到 50 之间", await admin.TextContentAsync(".notice.error"));
        Assert.Equal("80", await admin.InputValueAsync("#Form_PassMean"));

        await admin.GotoAsync("/admin/quotas");
        await admin.SelectOptionAsync("#Form_Level", ["county"]);
        await admin.SelectOptionAsync("#Form_Subject", ["chinese"]);
        await admin.FillAsync("#Form_MaxCount", "3");
        await admin.ClickAsync("button:has-text('设置名额')");
        await admin.WaitForURLAsync(u => u.Contains("done="));
        var quota = admin.Locator("#quotas tr", new() { HasText = "语文" }).Filter(new() { HasText = "县级" });
        Assert.Contains("0 / 3", await quota.TextContentAsync());
        await quota.Locator("input[name=maxCount]").FillAsync("4");
        await quota.Locator("button:has-text('保存')").ClickAsync();
        await admin.WaitForURLAsync(u => u.Contains("done="));
        Assert.Contains("0 / 4", await admin.Locator("#quotas tr", new() { HasText = "语文" }).Filter(new() { HasText = "县级" }).TextContentAsync());
    }

    [Fact]
    public async Task A_city_admin_manages_only_its_own_region()
    {
        await SeedSiblingCityAsync();
        var admin = await server.SignedInAsync("city.admin");
        await admin.GotoAsync("/admin/organizations");
        var orgs = await admin.Locator("#orgs tbody td:first-child").AllTextContentsAsync();
        Assert.Equal(["bh-edu", "bh-no1", "hf-edu"], orgs.Where(c => !c.StartsWith("bh-no") || c == "bh-no1").Order().ToArray());
        Assert.DoesNotContain("ls-edu", await admin.TextContentAsync("#orgs"));
        var code = "bh-no" + Random.Shared.Next(100, 999);
        await admin.FillAsync("#Form_Code", code);
        await admin.FillAsync("#Form_Name", "包河区新建小学");
        await admin.SelectOptionAsync("#Form_Kind", ["school"]);
        await admin.SelectOptionAsync("#Form_Tier", ["school"]);
        await admin.SelectOptionAsync("#Form_ParentCode", ["bh-edu"]);
        await admin.ClickAsync("button:has-text('新建机构')");
        await admin.WaitForURLAsync(u => u.Contains("done="));
        Assert.Contains(code, await admin.TextContentAsync("#orgs"));

        await admin.GotoAsync("/admin/users");
        var users = await admin.TextContentAsync("#users");
        Assert.Contains("li.ming", users);
        Assert.DoesNotContain("ls.teacher", users);
        var user = "new.teacher" + Random.Shared.Next(100, 999);
        await admin.FillAsync("#Form_UserId", user);
        await admin.FillAsync("#Form_DisplayName", "新教师");
        await admin.SelectOptionAsync("#Form_Role", [Roles.Teacher]);
        await admin.SelectOptionAsync("#Form_OrgCode", [code]);
        await admin.FillAsync("#Form_Password", DemoAccounts.Password);
        await admin.ClickAsync("button:has-text('添加用户')");
        await admin.WaitForURLAsync(u => u.Contains("done="));
        var row = admin.Locator($"#users tr[data-user='{user}']");
        await row.Locator("button:has-text('锁定')").ClickAsync();
        await admin.WaitForURLAsync(u => u.Contains("done="));
        Assert.Equal("已锁定", await admin.Locator($"#users tr[data-user='{user}'] .state").TextContentAsync());

        var locked = await server.NewPageAsync();
        await locked.GotoAsync("/signin");
        await locked.FillAsync("#user", user);
        await locked.FillAsync("#password", DemoAccounts.Password);
        await locked.ClickAsync("button[type=submit]");
        Assert.Contains("账户已锁定", await locked.ContentAsync());

        // A forged form naming the other city's teacher: the server answers as if there were no such user.
        await admin.EvalOnSelectorAsync($"#users tr[data-user='{user}'] form input[name=user]", "(el) => el.value = 'ls.teacher'");
        var forged = await admin.RunAndWaitForResponseAsync(
            () => admin.Locator($"#users tr[data-user='{user}'] button:has-text('解锁')").ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(404, forged.Status);
        Assert.Contains("用户 ls.teacher 不存在", await admin.TextContentAsync(".notice.error"));
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResourceHubDbContext>();
        Assert.Null((await db.Set<LocalAccount>().SingleAsync(a => a.UserId == "ls.teacher")).LockedUntil);
    }

    [Fact]
    public async Task A_city_admin_renames_and_deletes_an_unused_organisation_but_not_one_in_use()
    {
        await SeedSiblingCityAsync();
        var admin = await server.SignedInAsync("city.admin");
        var code = "bh-no" + Random.Shared.Next(100, 999);
        await admin.GotoAsync("/admin/organizations");
        await admin.FillAsync("#Form_Code", code);
        await admin.FillAsync("#Form_Name", "包河区待改名小学");
        await admin.SelectOptionAsync("#Form_Kind", ["school"]);
        await admin.SelectOptionAsync("#Form_Tier", ["school"]);
        await admin.SelectOptionAsync("#Form_ParentCode", ["bh-edu"]);
        await admin.ClickAsync("button:has-text('新建机构')");
        await admin.WaitForURLAsync(u => u.Contains("done="));

        await admin.ClickAsync($"#orgs a[href='/admin/organizations/{code}']");
        await admin.FillAsync("#Form_Name", "包河区第九小学");
        await admin.ClickAsync("button:has-text('保存')");
        await admin.WaitForURLAsync(u => u.Contains("done="));
        Assert.Contains("包河区第九小学", await admin.TextContentAsync("#orgs"));

        // In use (the school of li.ming): refused in Chinese, nothing removed.
        await admin.GotoAsync("/admin/organizations/bh-no1");
        var refused = await admin.RunAndWaitForResponseAsync(
            () => admin.ClickAsync("button:has-text('删除机构')"), r => r.Request.Method == "POST");
        Assert.Equal(409, refused.Status);
        Assert.Contains("不能删除", await admin.TextContentAsync(".notice.error"));

        await admin.GotoAsync($"/admin/organizations/{code}");
        await admin.ClickAsync("button:has-text('删除机构')");
        await admin.WaitForURLAsync(u => u.Contains("done="));
        Assert.DoesNotContain(code, await admin.TextContentAsync("#orgs"));
        Assert.Contains("bh-no1", await admin.TextContentAsync("#orgs"));

        var other = await admin.GotoAsync("/admin/organizations/ls-edu");
        Assert.Equal(404, other!.Status);
    }

    [Fact]
    public async Task Only_admins_reach_administration()
    {
        var teacher = await server.SignedInAsync("li.ming");
        Assert.Equal(0, await teacher.Locator("nav >> text=管理").CountAsync());
        foreach (var path in new[] { "/admin", "/admin/users", "/admin/organizations", "/admin/quotas", "/admin/rubrics" })
            Assert.Equal(403, (await teacher.GotoAsync(path))!.Status);
    }

    /// <summary>六安 (ls-edu), a city beside 合肥 under the province, with one teacher.</summary>
    private async Task SeedSiblingCityAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResourceHubDbContext>();
        if (await db.Organizations.AnyAsync(o => o.Code == "ls-edu"))
            return;
        db.Organizations.Add(new Organization { Code = "ls-edu", Name = "六安市教育局", Kind = "region", Tier = "city", ParentCode = "ah-edu" });
        await db.SaveChangesAsync();
        scope.ServiceProvider.GetRequiredService<OrganizationDirectory>().Invalidate();
        await scope.ServiceProvider.GetRequiredService<LocalAccounts>().AddAsync(
            new NewAccount("ls.teacher", "六安教师", Roles.Teacher, "ls-edu", [], DemoAccounts.Password), default);
    }
}
