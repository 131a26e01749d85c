using Microsoft.AspNetCore.Http;
using ResourceHub.Api.Resources;

namespace ResourceHub.Api.Tests.Resources;

public sealed class UploadFileNameTests
{
    private static string From(string? contentDisposition = null, string? slug = null)
    {
        var context = new DefaultHttpContext();
        if (contentDisposition is not null)
            context.Request.Headers.ContentDisposition = contentDisposition;
        if (slug is not null)
            context.Request.Headers["Slug"] = slug;
        return UploadFileName.From(context.Request);
    }

    [Fact]
    public void Rfc5987_name_wins_over_the_plain_one() =>
        Assert.Equal("圆的面积.mp4", From("attachment; filename=\"fallback.mp4\"; filename*=UTF-8''%E5%9C%86%E7%9A%84%E9%9D%A2%E7%A7%AF.mp4"));

    [Fact]
    public void Slug_is_used_when_there_is_no_content_disposition() =>
        Assert.Equal("教学设计.docx", From(slug: "%E6%95%99%E5%AD%A6%E8%AE%BE%E8%AE%A1.docx"));

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\老师\\课件.pptx", "课件.pptx")]
    [InlineData("..", "file")]
    [InlineData("   ", "file")]
    [InlineData("a\u0000b\"c.txt", "abc.txt")]
    [InlineData("教案\u202Efdp.exe", "教案fdp.exe")] // right-to-left override: would show as "教案exe.pdf"
    [InlineData("\u2066a\u2067b\u2068c\u2069\u200E\u200F\u061C\u200B.pdf", "abc.pdf")] // isolates, marks, zero width
    [InlineData("x\u2028y\u2029z\uE000.pdf", "xyz.pdf")]
    [InlineData("a\uD800b.pdf", "ab.pdf")] // lone surrogate
    [InlineData("𠀀姓名😀.pdf", "𠀀姓名😀.pdf")] // characters outside the BMP stay
    public void Names_are_cleaned_of_paths_and_control_characters(string raw, string expected) =>
        Assert.Equal(expected, UploadFileName.Clean(raw));

    [Fact]
    public void Long_names_are_capped() => Assert.Equal(UploadFileName.MaxLength, UploadFileName.Clean(new string('课', 400)).Length);

    [Fact]
    public void Capping_never_leaves_half_a_surrogate_pair()
    {
        var name = UploadFileName.Clean("a" + string.Concat(Enumerable.Repeat("𠀀", 200)));
        Assert.False(char.IsHighSurrogate(name[^1]));
        Assert.True(name.Length <= UploadFileName.MaxLength);
    }

    [Fact]
    public void Names_stored_before_the_rules_are_cleaned_on_the_way_out() =>
        Assert.DoesNotContain("%E2%80%AE", UploadFileName.ContentDisposition("教案\u202Efdp.exe")); // U+202E in UTF-8

    [Fact]
    public void Download_header_carries_the_utf8_name()
    {
        var header = UploadFileName.ContentDisposition("勾股定理 课堂实录.mp4");
        Assert.StartsWith("attachment", header);
        Assert.Contains("filename*=UTF-8''%E5%8B%BE%E8%82%A1", header);
    }
}
