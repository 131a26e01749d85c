using Microsoft.Playwright;

namespace ResourceHub.Bench.Web;

/// <summary>The README's screenshots (PNG): each page as the role that uses it, at a laptop's width.</summary>
public static class Screenshots
{
    private static readonly (string File, string User, string Path, string Why)[] Shots =
    [
        ("search.png", "li.ming", "/?q=" + Uri.EscapeDataString("分数"), "搜索（首页）"),
        ("detail.png", "li.ming", "/resources/{lesson}", "资源详情"),
        ("upload.png", "alice", "/my/edit", "我的上传：新建"),
        ("my-uploads.png", "alice", "/my", "我的上传"),
        ("review.png", "zhang.expert", "/review", "评审工作台"),
        ("recommend.png", "province.admin", "/recommend", "推优与推荐"),
    ];

    public static async Task TakeAsync(BenchSite site, string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var (file, user, path, why) in Shots)
        {
            var page = await site.SignedInAsync(user);
            var response = await page.GotoAsync(path.Replace("{lesson}", site.LessonId.ToString()));
            if (response is null || !response.Ok)
            {
                Console.WriteLine($"skipped {file} ({why}): {path} answered {(int?)response?.Status}");
                await page.Context.CloseAsync();
                continue;
            }
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await page.ScreenshotAsync(new() { Path = Path.Combine(directory, file), FullPage = false });
            Console.WriteLine($"wrote {Path.Combine(directory, file)} ({why})");
            await page.Context.CloseAsync();
        }
    }
}
