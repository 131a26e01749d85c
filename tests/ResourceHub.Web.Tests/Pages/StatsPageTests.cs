using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ResourceHub.Application.Curation;
using ResourceHub.Data;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Web.Tests.Pages;

/// <summary>
/// 统计 in Chromium: the province admin opens it from the nav, reads charts (SVG with title and description) with
/// their tables, drills into a region and downloads an export; a city admin sees only its own (empty) region;
/// every other role is refused.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class StatsPageTests(WebServer server)
{
    [Fact]
    public async Task The_province_admin_reads_charts_and_tables_drills_down_and_exports()
    {
        await using (var counting = server.Services.CreateAsyncScope())
            await counting.ServiceProvider.GetRequiredService<DownloadCounter>().CountAsync(server.VideoId, default);
        var admin = await server.SignedInAsync("province.admin");
        await admin.ClickAsync("nav >> text=统计");
        await admin.WaitForURLAsync(server.BaseUrl + "/admin/stats");
        Assert.Equal("统计", await admin.TextContentAsync("h1"));

        var charts = admin.Locator("section.figure svg[role=img]");
        Assert.True(await charts.CountAsync() >= 3);
        Assert.Equal(await admin.Locator("section.figure").CountAsync(), await charts.CountAsync());
        Assert.Equal("各学科资源数", await admin.TextContentAsync("#figure-subject svg title"));
        Assert.Contains("完整数据见下表", await admin.TextContentAsync("#figure-subject svg desc"));

        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResourceHubDbContext>();
        var math = await db.Resources.CountAsync(r => r.Subject == "math" && (r.Status == ResourceStatus.Published || r.Status == ResourceStatus.Recommended));
        var mathRow = admin.Locator("#figure-subject tr[data-key='math']");
        Assert.Equal("数学", (await mathRow.Locator("th").TextContentAsync())?.Trim());
        Assert.Equal(math.ToString(), await mathRow.Locator("td").First.TextContentAsync());
        Assert.Equal(await admin.Locator("#figure-subject tbody tr").CountAsync(), await admin.Locator("#figure-subject svg rect").CountAsync());
        Assert.Equal(1, await admin.Locator("#figure-uploads svg polyline").CountAsync());
        Assert.Contains("推荐为省级", await admin.TextContentAsync("#figure-funnel table"));
        Assert.Equal(1, await admin.Locator("#figure-downloads svg polyline").CountAsync());
        Assert.Contains("数学：分数的初步认识（微课）", await admin.TextContentAsync("#figure-top table"));

        // Drill down: the province, then its bodies and vendors by name.
        await admin.ClickAsync("#figure-region tbody a:has-text('安徽省教育厅')");
        await admin.WaitForURLAsync(u => u.Contains("org=ah-edu"));
        var regions = (await admin.Locator("#figure-region tbody th").AllTextContentsAsync()).Select(t => t.Trim()).ToList();
        Assert.Contains("远程培训示范机构", regions);
        Assert.Contains("安徽省教育厅", await admin.TextContentAsync("nav[aria-label='区域'] [aria-current=page]"));

        var download = await admin.RunAndWaitForDownloadAsync(() => admin.ClickAsync("#figure-subject a:has-text('CSV')"));
        Assert.Equal("统计-各学科资源数.csv", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal((byte[])[0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("学科,已发布资源数\r\n", System.Text.Encoding.UTF8.GetString(bytes[3..]));

        var xlsx = await admin.Context.APIRequest.GetAsync("/admin/stats?org=ah-edu&handler=Export&figure=funnel&format=xlsx");
        Assert.Equal(200, xlsx.Status);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Headers["content-type"]);
        Assert.Contains("filename*=UTF-8''", xlsx.Headers["content-disposition"]);
        Assert.Equal("PK"u8.ToArray(), (await xlsx.BodyAsync())[..2]);
    }

    [Fact]
    public async Task Without_javascript_the_admin_crosses_学科_by_学段_reads_the_totals_drills_and_exports()
    {
        var admin = await server.SignedInAsync("province.admin", javaScript: false);
        await admin.GotoAsync("/admin/stats?rows=kind&cols=region");
        Assert.Equal("类型 × 区域 资源数", (await admin.TextContentAsync("#figure-cross caption"))?.Trim());
        await admin.SelectOptionAsync("#cross-rows", new SelectOptionValue { Label = "学科" });
        await admin.SelectOptionAsync("#cross-cols", new SelectOptionValue { Label = "学段" });
        await admin.ClickAsync("#figure-cross button:has-text('生成交叉表')");
        await admin.WaitForURLAsync(u => u.Contains("rows=subject") && u.Contains("cols=stage"));

        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResourceHubDbContext>();
        var published = await db.Resources.Where(r => r.Status == ResourceStatus.Published || r.Status == ResourceStatus.Recommended)
            .Select(r => new { r.Subject, r.Stage }).ToListAsync();
        Assert.Equal("学科 × 学段 资源数", (await admin.TextContentAsync("#figure-cross caption"))?.Trim());
        Assert.Equal("学科 \\ 学段", (await admin.TextContentAsync("#figure-cross thead th"))?.Trim());
        var totals = admin.Locator("#figure-cross tfoot td");
        Assert.Equal(published.Count.ToString(), await totals.Last.TextContentAsync());
        var stages = await admin.Locator("#figure-cross thead th[data-key]").EvaluateAllAsync<string[]>("hs => hs.map(h => h.dataset.key)");
        for (var j = 0; j < stages.Length; j++)
            Assert.Equal(published.Count(r => r.Stage == stages[j]).ToString(), await totals.Nth(j).TextContentAsync());
        var math = admin.Locator("#figure-cross tbody tr[data-key='math']");
        Assert.Equal("数学", (await math.Locator("th").TextContentAsync())?.Trim());
        Assert.Equal(published.Count(r => r.Subject == "math").ToString(), await math.Locator("td.total-cell").TextContentAsync());
        var rows = await admin.Locator("#figure-cross tbody tr").CountAsync();
        Assert.Equal(rows * stages.Length, await admin.Locator("#figure-cross svg[role=img] rect").CountAsync());
        Assert.Contains("完整数据见下表", await admin.TextContentAsync("#figure-cross svg desc"));

        var download = await admin.RunAndWaitForDownloadAsync(() => admin.ClickAsync("#figure-cross a:has-text('CSV')"));
        Assert.Equal("统计-学科 × 学段 资源数.csv", download.SuggestedFilename);
        var text = System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(await download.PathAsync()));
        Assert.StartsWith("\uFEFF学科 \\ 学段,", text);
        Assert.EndsWith($",{published.Count}\r\n", text);

        // 区域 down the side: a province drills down as in the region figure, keeping the dimensions.
        await admin.SelectOptionAsync("#cross-rows", new SelectOptionValue { Label = "区域" });
        await admin.SelectOptionAsync("#cross-cols", new SelectOptionValue { Label = "类型" });
        await admin.ClickAsync("#figure-cross button:has-text('生成交叉表')");
        await admin.ClickAsync("#figure-cross tbody a:has-text('安徽省教育厅')");
        await admin.WaitForURLAsync(u => u.Contains("org=ah-edu") && u.Contains("rows=region") && u.Contains("cols=kind"));
        Assert.Contains("远程培训示范机构", await admin.TextContentAsync("#figure-cross tbody"));
    }

    [Fact]
    public async Task A_city_admin_sees_only_its_region_and_no_data_says_so()
    {
        var admin = await server.SignedInAsync("city.admin");
        await admin.GotoAsync("/admin/stats");
        Assert.Contains("合肥市教育局", await admin.TextContentAsync("nav[aria-label='区域']"));
        Assert.DoesNotContain("全平台", await admin.TextContentAsync("nav[aria-label='区域']"));
        // The demo's items belong to vendors registered with the province, outside the city.
        Assert.Equal("暂无数据", await admin.TextContentAsync("#figure-subject svg desc"));
        Assert.Equal("暂无数据", await admin.TextContentAsync("#figure-subject tbody td"));
        var other = await admin.GotoAsync("/admin/stats?org=ah-edu");
        Assert.Equal(404, other!.Status);
        var export = await admin.Context.APIRequest.GetAsync("/admin/stats?org=acme&handler=Export&figure=subject&format=csv");
        Assert.Equal(404, export.Status);
        export = await admin.Context.APIRequest.GetAsync("/admin/stats?org=ah-edu&handler=Export&figure=cross&rows=region&cols=kind&format=csv");
        Assert.Equal(404, export.Status);
    }

    [Theory]
    [InlineData("li.ming")]
    [InlineData("zhang.expert")]
    [InlineData("zhao.host")]
    [InlineData("alice")]
    public async Task Other_roles_are_refused(string user)
    {
        var page = await server.SignedInAsync(user);
        Assert.Equal(0, await page.Locator("nav >> text=统计").CountAsync());
        var response = await page.GotoAsync("/admin/stats");
        Assert.Equal(403, response!.Status);
        Assert.Contains("只有管理员可以查看统计", await page.ContentAsync());
        var export = await page.Context.APIRequest.GetAsync("/admin/stats?handler=Export&figure=subject&format=csv");
        Assert.Equal(403, export.Status);
        export = await page.Context.APIRequest.GetAsync("/admin/stats?handler=Export&figure=cross&rows=subject&cols=stage&format=xlsx");
        Assert.Equal(403, export.Status);
    }
}
