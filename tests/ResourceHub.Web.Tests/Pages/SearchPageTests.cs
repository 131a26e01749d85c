using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResourceHub.Application.Curation;
using ResourceHub.Data;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Web.Tests.Pages;

[Collection(WebCollection.Name)]
public sealed class SearchPageTests(WebServer server)
{
    [Fact]
    public async Task Words_find_resources_with_the_match_highlighted()
    {
        var page = await server.SignedInAsync();
        await page.FillAsync("#q", "分数");
        await page.PressAsync("#q", "Enter");
        await page.WaitForURLAsync(u => u.Contains("q="));
        var first = page.Locator(".card-title").First;
        Assert.Equal("分数的初步认识（微课）", await first.TextContentAsync());
        Assert.Equal("分数", await first.Locator("mark").First.TextContentAsync());
    }

    [Fact]
    public async Task A_sentence_found_only_inside_the_file_shows_as_a_snippet_under_the_title()
    {
        var page = await server.SignedInAsync();
        await page.GotoAsync("/?q=" + Uri.EscapeDataString("银杏落叶"));
        var card = page.Locator(".card").Filter(new() { Has = page.Locator($"a[href='/resources/{server.ScriptTitleId}']") });
        Assert.Equal(1, await card.CountAsync());
        var snippet = card.Locator(".snippet");
        Assert.Contains("银杏落叶", await snippet.TextContentAsync());
        Assert.Contains("<b onmouseover=alert(1)>", await snippet.TextContentAsync()); // the file's markup is shown as text
        Assert.Equal(0, await snippet.Locator("b").CountAsync());
        Assert.Contains("银杏", string.Concat(await snippet.Locator("mark").AllTextContentsAsync()));
    }

    [Fact]
    public async Task Facets_show_counts_by_Chinese_name_and_narrow_the_results_as_links_in_a_GET_form()
    {
        var page = await server.SignedInAsync();
        var math = page.Locator("label[for='f-subject-math']");
        var label = await math.TextContentAsync();
        Assert.Matches(@"^数学 \((\d+)\)$", label!.Trim());
        var count = int.Parse(System.Text.RegularExpressions.Regex.Match(label, @"\((\d+)\)").Groups[1].Value);

        await page.CheckAsync("#f-subject-math"); // the page's script submits on change
        await page.WaitForURLAsync(u => u.Contains("subject=math"));
        Assert.Equal($"共 {count} 条资源", (await page.TextContentAsync("#results-heading"))!.Trim());
        var metas = await page.Locator(".card .meta:first-of-type").AllTextContentsAsync();
        Assert.NotEmpty(metas);
        Assert.All(metas, m => Assert.Contains("数学", m));

        // Multi-select within a facet widens, another facet narrows.
        await page.CheckAsync("#f-stage-primary");
        await page.WaitForURLAsync(u => u.Contains("stage=primary"));
        var both = await page.Locator(".card .meta:first-of-type").AllTextContentsAsync();
        Assert.All(both, m => Assert.Contains("小学数学", m));
        Assert.True(both.Count < count);
        Assert.True(await page.IsVisibleAsync(".chips a:has-text('学段：小学')"));
    }

    [Fact]
    public async Task Search_works_with_JavaScript_off()
    {
        var page = await server.SignedInAsync("li.ming", javaScript: false);
        await page.GotoAsync("/?sort=new");
        await page.CheckAsync("#f-kind-courseware");
        await page.ClickAsync("button:has-text('应用筛选')");
        var metas = await page.Locator(".card .meta:first-of-type").AllTextContentsAsync();
        Assert.NotEmpty(metas);
        Assert.All(metas, m => Assert.StartsWith("课件", m.Trim()));
    }

    [Fact]
    public async Task Sorting_by_downloads_shows_the_most_downloaded_first_with_and_without_JavaScript()
    {
        // The oldest public demo item becomes the most downloaded (the real download counter, as GET …/$value calls it).
        Guid id;
        string title;
        long downloads;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ResourceHubDbContext>();
            var item = await db.Resources.Where(r => r.Status == ResourceStatus.Published && r.Id != server.ScriptTitleId)
                .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).FirstAsync();
            (id, title) = (item.Id, item.Title);
            var most = await db.Set<ResourceStats>().MaxAsync(s => (long?)s.Downloads) ?? 0;
            var counter = scope.ServiceProvider.GetRequiredService<DownloadCounter>();
            var mine = await db.Set<ResourceStats>().Where(s => s.ResourceId == id).Select(s => (long?)s.Downloads).FirstOrDefaultAsync() ?? 0;
            for (var i = mine; i <= most + 2; i++)
                await counter.CountAsync(id, CancellationToken.None);
            downloads = await db.Set<ResourceStats>().Where(s => s.ResourceId == id).Select(s => s.Downloads).SingleAsync();
        }

        var page = await server.SignedInAsync();
        Assert.Equal(["相关度", "最新", "下载量", "评分", "综合质量"], (await page.Locator("#sort option").AllTextContentsAsync()).Select(t => t.Trim()));
        await page.SelectOptionAsync("#sort", "downloads"); // the page's script submits on change
        await page.WaitForURLAsync(u => u.Contains("sort=downloads"));
        var first = page.Locator(".card").First;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await first.Locator(".card-title").TextContentAsync())?.Trim() != title)
        {
            Assert.True(DateTime.UtcNow < deadline, "the index's stats refresh did not bring the most downloaded item first");
            await Task.Delay(300);
            await page.ReloadAsync();
        }
        Assert.Contains($"下载 {downloads} 次", await first.Locator(".downloads").TextContentAsync());
        Assert.Equal("下载量", (await page.Locator("#sort option:checked").TextContentAsync())?.Trim());
        var counts = (await page.Locator(".card .downloads").AllTextContentsAsync())
            .Select(t => long.Parse(System.Text.RegularExpressions.Regex.Match(t, @"下载 (\d+) 次").Groups[1].Value)).ToList();
        Assert.Equal(counts.OrderDescending(), counts);

        // Without JavaScript the same choice goes through the form's 排序 button.
        var plain = await server.SignedInAsync("li.ming", javaScript: false);
        await plain.SelectOptionAsync("#sort", "downloads");
        await plain.ClickAsync("button:has-text('排序')");
        await plain.WaitForURLAsync(u => u.Contains("sort=downloads"));
        Assert.Equal(title, (await plain.Locator(".card-title").First.TextContentAsync())?.Trim());
    }

    [Fact]
    public async Task No_match_shows_a_helpful_empty_state()
    {
        var page = await server.SignedInAsync();
        await page.GotoAsync("/?q=" + Uri.EscapeDataString("量子色动力学"));
        Assert.Contains("没有找到符合条件的资源", await page.TextContentAsync(".empty"));
        Assert.True(await page.IsVisibleAsync(".empty a[href='/']"));
    }
}
