using System.Text;
using ResourceHub.Media.Pipeline;
using ResourceHub.Media.Text;
using ResourceHub.Testing;

namespace ResourceHub.Media.Tests.Text;

public sealed class TextExtractionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rh-text-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Pptx_gives_slide_text_and_notes_in_slide_order()
    {
        var path = Write("deck.pptx", OfficeFiles.Pptx(("勾股定理的证明", "提醒学生先画直角三角形"), ("赵爽弦图", null)));

        Assert.Equal("勾股定理的证明\n提醒学生先画直角三角形\n赵爽弦图", OfficeText.Extract(path, ".pptx"));
    }

    [Fact]
    public void Docx_gives_paragraphs_and_table_cells()
    {
        var path = Write("plan.docx", OfficeFiles.Docx(["教学目标", "理解光合作用"], ["环节一", "导入"]));

        Assert.Equal("教学目标\n理解光合作用\n环节一\n导入", OfficeText.Extract(path, ".DOCX"));
    }

    [Fact]
    public void A_file_that_is_not_a_package_has_no_text_and_no_error()
    {
        var path = Write("fake.pptx", Encoding.UTF8.GetBytes("这不是演示文稿"));

        Assert.Equal("", OfficeText.Extract(path, ".pptx"));
        Assert.False(OfficeText.Handles(".ppt"));
    }

    [Fact]
    public void Text_is_cut_at_the_byte_budget_on_a_character_boundary()
    {
        var slides = Enumerable.Range(0, 50).Select(i => ($"第{i}页 勾股定理与面积法", (string?)null)).ToArray();
        var path = Write("long.pptx", OfficeFiles.Pptx(slides));

        var text = OfficeText.Extract(path, ".pptx", maxBytes: 100);

        Assert.True(Encoding.UTF8.GetByteCount(text) <= 100);
        Assert.StartsWith("第0页 勾股定理与面积法\n第1页", text);
        Assert.DoesNotContain('\uFFFD', text);
    }

    [Fact]
    public async Task Pdf_text_comes_from_pdftotext()
    {
        var pipeline = new MediaPipeline();
        var path = Write("notes.pdf", OfficeFiles.PdfWithText("Pythagorean theorem by rearrangement"));

        var text = await pipeline.ExtractPdfTextAsync(path, Path.Combine(_dir, "work"));

        Assert.Equal("Pythagorean theorem by rearrangement", text?.Trim());
    }

    [Fact]
    public async Task An_unreadable_pdf_has_no_text()
    {
        var pipeline = new MediaPipeline();
        var path = Write("random.pdf", TestFiles.Pdf(3000, seed: 5));

        Assert.Equal("", await pipeline.ExtractPdfTextAsync(path, Path.Combine(_dir, "work")));
    }
}
