using System.Text.RegularExpressions;

namespace ResourceHub.Web.Tests.Pages;

[Collection(WebCollection.Name)]
public sealed class DetailPageTests(WebServer server)
{
    [Fact]
    public async Task The_720p_video_plays_from_a_signed_link()
    {
        var page = await server.SignedInAsync();
        await page.GotoAsync($"/resources/{server.VideoId}");
        var src = await page.GetAttributeAsync("#player source[type='video/mp4']", "src");
        Assert.StartsWith("/media/s/", src);
        await page.EvaluateAsync("() => { const v = document.getElementById('player'); v.muted = true; return v.play(); }");
        await page.WaitForFunctionAsync("() => document.getElementById('player').readyState >= 2 && document.getElementById('player').currentTime > 0",
            null, new() { Timeout = 30_000 });
    }

    /// <summary>Chromium here plays HLS natively, so the page never needs hls.js; this drives the vendored hls.js directly.</summary>
    [Fact]
    public async Task The_vendored_hls_js_plays_the_ladder_in_chromium()
    {
        var page = await server.SignedInAsync();
        await page.GotoAsync($"/resources/{server.VideoId}");
        var heights = await page.EvaluateAsync<int[]>("""
            async () => {
              const player = document.getElementById('player');
              const { default: Hls } = await import(player.dataset.hlsModule);
              if (!Hls.isSupported()) throw new Error('hls.js: no Media Source Extensions');
              const v = document.createElement('video');
              v.muted = true;
              document.body.append(v);
              const hls = new Hls({ enableWorker: false });
              const parsed = new Promise((ok, fail) => {
                hls.on(Hls.Events.MANIFEST_PARSED, ok);
                hls.on(Hls.Events.ERROR, (_, d) => { if (d.fatal) fail(new Error(d.details)); });
              });
              hls.loadSource(player.dataset.hls);
              hls.attachMedia(v);
              await parsed;
              await v.play();
              await new Promise((ok, fail) => {
                const t = setTimeout(() => fail(new Error('no progress')), 20000);
                const check = () => v.currentTime > 0 ? (clearTimeout(t), ok()) : setTimeout(check, 100);
                check();
              });
              return hls.levels.map(l => l.height);
            }
            """);
        Assert.NotEmpty(heights);
        Assert.All(heights, h => Assert.InRange(h, 1, 720));
    }

    /// <summary>Pages resolve an admin's region as the API does, so a county admin sees its schools' drafts on the page too.</summary>
    [Fact]
    public async Task A_county_admin_opens_a_draft_of_a_school_in_its_county_that_another_teacher_cannot()
    {
        var teacher = await server.SignedInAsync("li.ming");
        await teacher.GotoAsync("/my/edit");
        var title = "区管理员可见的草稿" + Guid.NewGuid().ToString("N")[..6];
        await teacher.FillAsync("#title", title);
        await teacher.SelectOptionAsync("#kind", "courseware");
        await teacher.SelectOptionAsync("#stage", "primary");
        await teacher.SelectOptionAsync("#subject", "math");
        await teacher.ClickAsync("button:has-text('保存并继续上传文件')");
        await teacher.WaitForURLAsync(u => u.Contains("saved=true"));
        var id = new Uri(teacher.Url).AbsolutePath.Split('/')[^1];

        var admin = await server.SignedInAsync("county.admin");
        var shown = await admin.GotoAsync($"/resources/{id}");
        Assert.Equal(200, shown!.Status);
        Assert.Equal(title, await admin.TextContentAsync("h1"));
        var colleague = await server.SignedInAsync("wang.fang");
        Assert.Equal(404, (await colleague.GotoAsync($"/resources/{id}"))!.Status);
    }

    [Fact]
    public async Task A_teacher_rates_one_to_five_stars_and_may_change_it()
    {
        var page = await server.SignedInAsync("wang.fang");
        await page.GotoAsync($"/resources/{server.VideoId}");
        await page.CheckAsync("#stars-4");
        await page.ClickAsync("button:has-text('提交评分')");
        await page.WaitForURLAsync(u => u.Contains("rated=true"));
        Assert.Contains("感谢评分", await page.TextContentAsync(".notice"));
        Assert.Contains("已评 4 星", await page.TextContentAsync(".rate-form legend"));
        Assert.True(await page.IsCheckedAsync("#stars-4"));
    }

    [Fact]
    public async Task Download_serves_the_original_and_counts_it()
    {
        var page = await server.SignedInAsync();
        await page.GotoAsync($"/resources/{server.VideoId}");
        var before = Count(await page.TextContentAsync("#dl-heading + p + p + p"));
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a:has-text('下载资源')"));
        Assert.Equal("分数的初步认识（微课）.mp4", download.SuggestedFilename);
        Assert.True(new FileInfo((await download.PathAsync())!).Length > 1000);
        await page.ReloadAsync();
        Assert.Equal(before + 1, Count(await page.TextContentAsync("#dl-heading + p + p + p")));
    }

    [Fact]
    public async Task Description_markdown_is_rendered_and_its_html_is_shown_as_text()
    {
        var page = await server.SignedInAsync();
        await page.GotoAsync($"/resources/{server.ScriptTitleId}");
        Assert.Equal("复习", await page.TextContentAsync(".prose strong"));
        Assert.Equal(0, await page.Locator(".prose img").CountAsync());
        Assert.Contains("<img src=x onerror=alert(1)>", await page.TextContentAsync(".prose"));
    }

    private static int Count(string? text) => int.Parse(Regex.Match(text ?? "", @"\d+").Value);
}
