using System.IO.Compression;
using Microsoft.Playwright;

namespace ResourceHub.Web.Tests.Pages;

/// <summary>批量导入 in the browser: the worked example in samples/import as a ZIP, rows to the end, the Excel report.</summary>
[Collection(WebCollection.Name)]
public sealed class ImportPageTests(WebServer server)
{
    [Fact]
    public async Task A_vendor_imports_a_zip_follows_the_rows_and_downloads_the_report()
    {
        var page = await server.SignedInAsync("alice");
        await page.GotoAsync("/my");
        await page.ClickAsync("a:has-text('批量导入')");

        await page.SetInputFilesAsync("#package", new FilePayload { Name = "国培.zip", MimeType = "application/zip", Buffer = SampleZip() });
        var post = await page.RunAndWaitForRequestAsync(() => page.ClickAsync("#import-button"), r => r.Method == "POST");
        Assert.Equal("xhr", post.ResourceType); // import.js sends it, so the upload bar can follow the bytes
        await page.WaitForURLAsync(u => u.Contains("/my/import/"));
        await page.WaitForFunctionAsync("() => document.getElementById('import-state').textContent.startsWith('已完成')", null, new() { Timeout = 60_000 });

        var state = await page.TextContentAsync("#import-state");
        Assert.Matches(@"已处理 (\d+) / \1 行", state);
        Assert.Equal(await page.GetAttributeAsync("#import-progress", "max"), await page.GetAttributeAsync("#import-progress", "value"));
        Assert.True(await page.Locator("#import-rows tbody tr").CountAsync() >= 3);
        Assert.True(await page.Locator("#import-rows tbody tr.row-created a").CountAsync() >= 1);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#report-link"));
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal((byte)'P', bytes[0]); // an XLSX is a ZIP package
    }

    [Fact]
    public async Task A_file_that_is_not_a_zip_is_refused_in_chinese()
    {
        var page = await server.SignedInAsync("alice", javaScript: false);
        await page.GotoAsync("/my/import");
        await page.SetInputFilesAsync("#package", new FilePayload { Name = "清单.csv", MimeType = "text/csv", Buffer = "外部编号,标题\n"u8.ToArray() });
        await page.ClickAsync("#import-button");
        Assert.StartsWith("上传的内容不是 ZIP 压缩包", await page.TextContentAsync(".notice.error"));
    }

    private static byte[] SampleZip()
    {
        var folder = Path.Combine(FindRepoRoot(), "samples", "import");
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
                zip.CreateEntryFromFile(file, Path.GetRelativePath(folder, file).Replace('\\', '/'));
        }
        return stream.ToArray();
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ResourceHub.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ResourceHub.sln not found above the test folder");
    }
}
