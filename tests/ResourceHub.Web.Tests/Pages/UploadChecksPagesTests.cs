using Microsoft.Playwright;
using ResourceHub.Testing;

namespace ResourceHub.Web.Tests.Pages;

/// <summary>规范性检查 in the browser: the rules before creating, the item's results, Submit refused in Chinese.</summary>
[Collection(WebCollection.Name)]
public sealed class UploadChecksPagesTests(WebServer server)
{
    [Fact]
    public async Task Rules_show_before_upload_and_a_word_file_as_courseware_cannot_be_submitted()
    {
        var page = await server.SignedInAsync("alice", javaScript: false);
        await page.GotoAsync("/my/edit");
        Assert.Contains("课件：课件须为 PPTX、PPT 或 PDF 文件（不符合不能提交）", await page.TextContentAsync("details.rules"));
        Assert.Contains("微课：微课视频时长应为 5–20 分钟（不符合时提醒）", await page.TextContentAsync("details.rules"));

        await page.FillAsync("#title", "格式不对的课件");
        await page.SelectOptionAsync("#kind", "courseware");
        await page.SelectOptionAsync("#stage", "primary");
        await page.SelectOptionAsync("#subject", "math");
        await page.ClickAsync("button:has-text('保存并继续上传文件')");
        await page.SetInputFilesAsync("#file", new FilePayload
        {
            Name = "课件.docx", MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = OfficeFiles.Docx(["教学目标"], ["环节"]),
        });
        await page.ClickAsync("#upload-button");
        Assert.Contains("未通过（不能提交） 课件须为 PPTX、PPT 或 PDF 文件（当前文件为 .docx）", await page.TextContentAsync(".checks"));

        await page.ClickAsync("#submit-button");
        Assert.StartsWith("未通过规范性检查，暂不能提交", await page.TextContentAsync(".notice.error"));
        Assert.Equal("草稿", await page.TextContentAsync("#status"));
    }
}
