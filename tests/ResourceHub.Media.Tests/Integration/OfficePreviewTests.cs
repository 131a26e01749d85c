using System.Text;
using ResourceHub.Media.Commands;
using ResourceHub.Media.Pipeline;
using ResourceHub.Testing;

namespace ResourceHub.Media.Tests.Integration;

/// <summary>Real LibreOffice: Office and OpenDocument files become a PDF, then page images with the page count.</summary>
public sealed class OfficePreviewTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rh-office-").FullName;
    private readonly string _profiles;
    private readonly MediaPipeline _pipeline;

    public OfficePreviewTests()
    {
        _profiles = Directory.CreateDirectory(Path.Combine(_dir, "profiles")).FullName;
        _pipeline = new MediaPipeline(new MediaToolOptions { OfficeProfileRoot = _profiles });
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private async Task<RenditionOutput> PreviewAsync(string input, MediaPipeline? pipeline = null)
    {
        pipeline ??= _pipeline;
        var work = Directory.CreateTempSubdirectory("work-").FullName;
        var pdf = await pipeline.ConvertOfficeToPdfAsync(input, work);
        Assert.NotNull(pdf);
        var outcome = await pipeline.CreatePdfPreviewAsync(pdf, Path.Combine(work, "out"));
        return Assert.IsType<PdfPreviewOutcome.Created>(outcome).Output;
    }

    [OfficeFact]
    public async Task A_deck_gets_one_image_per_slide_and_its_page_count()
    {
        var deck = Write("勾股定理.pptx", OfficeFiles.Pptx(("复习导入", null), ("赵爽弦图", "板书"), ("课堂小结", null)));

        var preview = await PreviewAsync(deck);

        Assert.Equal(3, preview.PageCount);
        Assert.Equal(["preview.png", "pages/2.png", "pages/3.png"], preview.Files.Select(f => f.RelativePath));
        Assert.Equal((RenditionKind.Preview, 640), (preview.Kind, Math.Max(preview.Width, preview.Height)));
        Assert.All(preview.Files, f => Assert.True(f.SizeBytes > 0));
        Assert.Empty(Directory.GetFileSystemEntries(_profiles)); // each run's profile is gone afterwards
    }

    [OfficeFact]
    public async Task A_word_document_and_an_opendocument_text_get_page_images()
    {
        var docx = await PreviewAsync(Write("教学设计.docx", OfficeFiles.Docx(["教学目标", "理解光合作用"], ["环节一", "导入"])));
        var odt = await PreviewAsync(Write("教学反思.odt", OfficeFiles.Odt("第一页：反思", "第二页：改进")));

        Assert.Equal((1, 1), (docx.PageCount, docx.Files.Count));
        Assert.Equal((2, 2), (odt.PageCount, odt.Files.Count));
    }

    [OfficeFact]
    public async Task Only_the_first_pages_become_images_but_the_count_is_the_whole_document()
    {
        var pipeline = new MediaPipeline(new MediaToolOptions { OfficeProfileRoot = _profiles }, new TranscodeSettings { PdfPreviewPages = 2 });
        var deck = Write("三页.pptx", OfficeFiles.Pptx(("一", null), ("二", null), ("三", null)));

        var preview = await PreviewAsync(deck, pipeline);

        Assert.Equal((3, 2), (preview.PageCount, preview.Files.Count));
    }

    [OfficeFact]
    public async Task A_corrupt_deck_is_unconvertible_not_a_preview_of_its_bytes()
    {
        var deck = Write("坏的.pptx", Encoding.UTF8.GetBytes("这不是演示文稿，只是几个字"));

        var error = await Assert.ThrowsAsync<MediaProcessingException>(() =>
            _pipeline.ConvertOfficeToPdfAsync(deck, Directory.CreateTempSubdirectory("work-").FullName));

        Assert.Equal((MediaErrorCode.Unconvertible, false), (error.Error.Code, error.IsTransient));
        Assert.Empty(Directory.GetFileSystemEntries(_profiles));
    }

    [OfficeFact]
    public async Task A_conversion_past_its_limit_is_killed_with_its_children()
    {
        var pipeline = new MediaPipeline(new MediaToolOptions { OfficeProfileRoot = _profiles, OfficeTimeout = TimeSpan.FromMilliseconds(300) });
        // 3,000 slides take LibreOffice ~7 s here: a timer late under a loaded test run still fires long before the end
        // (a one-slide deck converts in ~1 s and once finished before a starved 300 ms timer fired).
        var deck = Write("慢.pptx", OfficeFiles.Pptx(Enumerable.Range(1, 3000).Select(i => ($"第 {i} 页", (string?)null)).ToArray()));

        var error = await Assert.ThrowsAsync<MediaProcessingException>(() =>
            pipeline.ConvertOfficeToPdfAsync(deck, Directory.CreateTempSubdirectory("work-").FullName));

        Assert.Equal(MediaErrorCode.Timeout, error.Error.Code);
        await Task.Delay(500);
        Assert.Empty(ProcessesMentioning(_profiles)); // soffice.bin, started by oosplash, is gone too
    }

    [Fact]
    public async Task Conversion_is_unavailable_without_soffice_not_an_error()
    {
        var pipeline = new MediaPipeline(new MediaToolOptions { SofficePath = "/nonexistent/soffice" });

        Assert.Null(await pipeline.ConvertOfficeToPdfAsync(Write("a.pptx", [1]), _dir));
    }

    private static List<int> ProcessesMentioning(string text)
    {
        var found = new List<int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
                continue;
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "cmdline")).Contains(text, StringComparison.Ordinal))
                    found.Add(pid);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return found;
    }
}
