using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ResourceHub.Api.Identity;
using ResourceHub.Testing;

namespace ResourceHub.Web.Tests.Pages;

/// <summary>The vendor's story on 我的上传: create, upload with progress and a resume, transcoding, submit; and its safety.</summary>
[Collection(WebCollection.Name)]
public sealed class MyUploadsTests(WebServer server)
{
    [Fact]
    public async Task A_vendor_creates_uploads_with_a_resume_waits_for_transcoding_and_submits_for_review()
    {
        var video = await TestVideoAsync();
        var page = await server.SignedInAsync("alice");
        await page.ClickAsync("a:has-text('我的上传')");
        await page.ClickAsync("a:has-text('新建资源')");

        // An empty form: Chinese messages beside the fields, nothing created.
        await page.ClickAsync("button:has-text('保存并继续上传文件')");
        Assert.StartsWith("标题不能为空", await page.TextContentAsync("#title-error"));
        Assert.StartsWith("请选择学科", await page.TextContentAsync("#subject-error"));

        var title = "向量的加法（微课）" + Guid.NewGuid().ToString("N")[..6];
        await page.FillAsync("#title", title);
        await page.SelectOptionAsync("#kind", "micro-lesson");
        await page.SelectOptionAsync("#stage", "senior");
        await page.SelectOptionAsync("#subject", "math");
        await page.CheckAsync("#topic-it-integration");
        await page.FillAsync("#tags", "向量、加法");
        await page.ClickAsync("button:has-text('保存并继续上传文件')");
        await page.WaitForURLAsync(u => u.Contains("saved=true"));
        var id = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/').Last());
        Assert.Equal("草稿", await page.TextContentAsync("#status"));

        // The second part is cut off on the wire: the page must resume from the server's offset and finish.
        var patches = 0;
        await page.RouteAsync("**/uploads/**", async route =>
        {
            if (route.Request.Method == "PATCH" && Interlocked.Increment(ref patches) == 2)
                await route.AbortAsync("connectionreset");
            else
                await route.ContinueAsync();
        });
        await page.EvaluateAsync(@"() => {
            window.uploadTexts = [];
            new MutationObserver(() => window.uploadTexts.push(document.getElementById('upload-text').textContent))
                .observe(document.getElementById('upload-text'), { childList: true, characterData: true, subtree: true });
        }");
        await page.SetInputFilesAsync("#file", video);
        await page.ClickAsync("#upload-button");
        await page.WaitForFunctionAsync("() => document.getElementById('upload-form').dataset.done === 'true'", null, new() { Timeout = 60_000 });
        var texts = await page.EvaluateAsync<string[]>("() => window.uploadTexts");
        Assert.Contains(texts, t => t.StartsWith("已上传 ") && t.Contains("速度") && t.Contains("剩余约"));
        Assert.Contains(texts, t => t.Contains("网络连接中断") && t.Contains("断点"));
        Assert.Contains(texts, t => t.Contains("已断点续传 1 次"));
        Assert.True(patches > 3, $"the file went up in parts ({patches} PATCHes)");

        // The media job runs; the page follows it and reloads when it is done.
        await page.WaitForURLAsync(u => u.Contains("uploaded=true"), new() { Timeout = 180_000 });
        Assert.Equal("转码完成", await page.TextContentAsync("#media-text"));
        Assert.Contains(Path.GetFileName(video), await page.TextContentAsync("#current-file"));

        await page.ClickAsync("#submit-button");
        await page.WaitForURLAsync(u => u.Contains("submitted=true"));
        Assert.Contains(await page.TextContentAsync("#status"), new[] { "已提交", "评审中" });

        // The reviewers see it: a math expert of another organisation finds it in the review queue (API).
        using var http = new HttpClient();
        var token = server.Services.GetRequiredService<TokenIssuer>().Issue("zhang.expert", "expert", "hf-edu", subjects: ["math"]);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var queue = JsonDocument.Parse(await http.GetStringAsync(server.BaseUrl + "/odata/Resources/ReviewQueue()")).RootElement;
        Assert.Contains(queue.GetProperty("value").EnumerateArray(), r => r.GetProperty("Id").GetGuid() == id);
    }

    [Fact]
    public async Task A_title_with_a_script_tag_shows_as_text_on_my_pages()
    {
        var page = await server.SignedInAsync("alice");
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        await page.GotoAsync("/my/edit");
        await page.FillAsync("#title", WebServer.ScriptTitle);
        await page.SelectOptionAsync("#kind", "courseware");
        await page.SelectOptionAsync("#stage", "junior");
        await page.SelectOptionAsync("#subject", "math");
        await page.ClickAsync("button:has-text('保存并继续上传文件')");
        await page.WaitForURLAsync(u => u.Contains("saved=true"));
        var item = page.Url.Split('?')[0];
        Assert.Equal(WebServer.ScriptTitle, await page.TextContentAsync("h1"));
        await page.GotoAsync("/my");
        Assert.Equal(1, await page.Locator($"a[href='{new Uri(item).AbsolutePath}']").CountAsync());
        Assert.Equal(WebServer.ScriptTitle, await page.Locator($"a[href='{new Uri(item).AbsolutePath}']").TextContentAsync());
        await page.GotoAsync(new Uri(item).AbsolutePath.Replace("/my/", "/my/edit/"));
        Assert.Equal(WebServer.ScriptTitle, await page.InputValueAsync("#title"));
        Assert.Equal(0, await page.Locator("script:not([src])").CountAsync());
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task Without_javascript_the_file_goes_up_as_a_plain_form()
    {
        var page = await server.SignedInAsync("alice", javaScript: false);
        await page.GotoAsync("/my/edit");
        await page.FillAsync("#title", "无脚本上传的教案");
        await page.SelectOptionAsync("#kind", "courseware");
        await page.SelectOptionAsync("#stage", "primary");
        await page.SelectOptionAsync("#subject", "math");
        await page.ClickAsync("button:has-text('保存并继续上传文件')");
        Assert.Contains("saved=true", page.Url);
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "教案.pdf", MimeType = "application/pdf", Buffer = TestFiles.Pdf(4000, 3) });
        await page.ClickAsync("#upload-button");
        Assert.Contains("uploaded=true", page.Url);
        Assert.Contains("教案.pdf", await page.TextContentAsync("#current-file"));
        Assert.False(await page.IsHiddenAsync("#media"));
    }

    /// <summary>A few seconds of ffmpeg's test pattern: a real video for the real transcoder.</summary>
    private static async Task<string> TestVideoAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"向量的加法-{Guid.NewGuid():N}.mp4");
        using var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg",
            ["-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc2=duration=3:size=640x360:rate=25",
             "-pix_fmt", "yuv420p", "-c:v", "libx264", "-y", path]) { RedirectStandardError = true })!;
        await ffmpeg.WaitForExitAsync();
        Assert.True(ffmpeg.ExitCode == 0, await ffmpeg.StandardError.ReadToEndAsync());
        Assert.True(new FileInfo(path).Length > 16384 * 3, "the video spans several parts");
        return path;
    }
}
