using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ResourceHub.Api.Demo;
using ResourceHub.Application.Identity;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Web.Rendering;

namespace ResourceHub.Web.Tests.Pages;

/// <summary>备课篮 and 资源包 in the browser with JavaScript off: every step is a plain form or link.</summary>
[Collection(WebCollection.Name)]
public sealed class BasketPagesTests(WebServer server)
{
    private const string Design = "一元二次方程的解法 教学设计";
    private const string Video = "分数的初步认识（微课）";

    [Fact]
    public async Task A_teacher_gathers_two_resources_downloads_the_zip_and_saves_a_draft_package()
    {
        var page = await TeacherAsync("basket.teacher");

        // From the detail page: back there with a notice, the button now removes.
        await page.GotoAsync($"/resources/{server.VideoId}");
        await page.ClickAsync("button:has-text('加入备课篮')");
        await page.WaitForURLAsync(u => u.Contains($"/resources/{server.VideoId}") && u.Contains("done="));
        Assert.Contains("已加入备课篮", await page.TextContentAsync(".notice"));
        Assert.Equal(1, await page.Locator("button:has-text('移出备课篮')").CountAsync());
        Assert.Contains("备课篮（1）", await page.TextContentAsync("#basket-link"));

        // From a search result card: back to the same search with a notice.
        await page.GotoAsync("/?q=" + Uri.EscapeDataString("一元二次方程"));
        await page.ClickAsync($"button[aria-label='加入备课篮：{Design}']");
        await page.WaitForURLAsync(u => u.Contains("q=") && u.Contains("done="));
        Assert.Contains("一元二次方程", Uri.UnescapeDataString(page.Url));
        Assert.Contains("已加入备课篮", await page.TextContentAsync(".notice"));
        Assert.Equal(1, await page.Locator($"button[aria-label='移出备课篮：{Design}']").CountAsync());
        Assert.Contains("备课篮（2）", await page.TextContentAsync("#basket-link"));

        await page.ClickAsync("#basket-link");
        var rows = await page.Locator("table tbody tr").AllTextContentsAsync();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains(Video) && r.Contains("微课"));
        Assert.Contains(rows, r => r.Contains(Design) && r.Contains("教学设计"));
        Assert.Contains($"合计 {Names.Size(await FileBytesAsync(Video, Design))}", await page.TextContentAsync("#basket-total"));

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a:has-text('下载全部')"));
        Assert.Equal("我的备课篮.zip", download.SuggestedFilename);
        using (var zip = ZipFile.OpenRead((await download.PathAsync())!))
        {
            var names = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("目录.html", names);
            Assert.Contains("manifest.json", names);
            Assert.Contains(names, n => n.StartsWith("小学/数学/微课/") && n.EndsWith(Video + ".mp4"));
            Assert.Contains(names, n => n.StartsWith("初中/数学/教学设计/") && n.EndsWith(Design + ".md"));
        }

        await page.FillAsync("#package-title", "数学备课资源包");
        await page.ClickAsync("button:has-text('保存为资源包草稿')");
        await page.WaitForURLAsync(u => u.Contains("/packages/"));
        Assert.Contains("已保存为资源包草稿", await page.TextContentAsync(".notice"));
        Assert.Equal("数学备课资源包", (await page.TextContentAsync("h1"))!.Trim());
        var items = await page.Locator("section.box ol li").AllTextContentsAsync();
        Assert.Equal(2, items.Count);
        Assert.Contains(Video, items[0]); // in the order they were added
        Assert.Contains(Design, items[1]);
        Assert.Contains("草稿", await page.TextContentAsync("p.meta"));
        var packageUrl = new Uri(page.Url).AbsolutePath;

        await page.GotoAsync("/packages");
        Assert.Contains("数学备课资源包", await page.TextContentAsync("main"));

        // Another school's teacher does not see the draft.
        var other = await TeacherAsync("other.teacher", "lumen");
        var response = await other.GotoAsync(packageUrl);
        Assert.Equal(404, response!.Status);
        await other.GotoAsync("/packages");
        Assert.DoesNotContain("数学备课资源包", await other.TextContentAsync("main"));
    }

    [Fact]
    public async Task Removing_from_the_basket_page_updates_the_list_and_the_count()
    {
        var page = await TeacherAsync("basket.remover");
        await page.GotoAsync($"/resources/{server.ScriptTitleId}");
        await page.ClickAsync("button:has-text('加入备课篮')");
        await page.GotoAsync("/basket");
        Assert.Equal(1, await page.Locator("table tbody tr").CountAsync());
        await page.ClickAsync("table button:has-text('移出备课篮')");
        await page.WaitForURLAsync(u => u.Contains("/basket?done="));
        Assert.Contains("已移出备课篮", await page.TextContentAsync(".notice"));
        Assert.Equal(0, await page.Locator("table").CountAsync());
        Assert.Contains("备课篮（0）", await page.TextContentAsync("#basket-link"));
    }

    [Fact]
    public async Task A_return_address_elsewhere_is_not_followed()
    {
        var page = await TeacherAsync("basket.phished", javaScript: true);
        await page.GotoAsync($"/resources/{server.VideoId}");
        await page.Locator("input[name=returnUrl]").First.EvaluateAsync("(e, v) => e.value = v", "https://evil.example/");
        await page.ClickAsync("button:has-text('加入备课篮')");
        await page.WaitForURLAsync(u => u.Contains("/basket?done="));
        Assert.StartsWith(server.BaseUrl, page.Url);
    }

    /// <summary>A teacher of their own (baskets are per user, and the suite shares one server), JavaScript off.</summary>
    private async Task<IPage> TeacherAsync(string user, string org = "bh-no1", bool javaScript = false)
    {
        await using (var scope = server.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<LocalAccounts>().AddAsync(
                new NewAccount(user, "备课测试" + user, Roles.Teacher, org, [], DemoAccounts.Password), default);
        return await server.SignedInAsync(user, javaScript);
    }

    private async Task<long> FileBytesAsync(params string[] titles)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResourceHubDbContext>();
        var rows = await db.Resources.Where(r => titles.Contains(r.Title)).ToListAsync();
        return rows.Sum(r => r.File!.Size);
    }
}
