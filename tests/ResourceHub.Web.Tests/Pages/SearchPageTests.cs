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
    public async Task No_match_shows_a_helpful_empty_state()
    {
        var page = await server.SignedInAsync();
        await page.GotoAsync("/?q=" + Uri.EscapeDataString("量子色动力学"));
        Assert.Contains("没有找到符合条件的资源", await page.TextContentAsync(".empty"));
        Assert.True(await page.IsVisibleAsync(".empty a[href='/']"));
    }
}
