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
    public void Names_are_cleaned_of_paths_and_control_characters(string raw, string expected) =>
        Assert.Equal(expected, UploadFileName.Clean(raw));

    [Fact]
    public void Long_names_are_capped() => Assert.Equal(UploadFileName.MaxLength, UploadFileName.Clean(new string('课', 400)).Length);

    [Fact]
    public void Download_header_carries_the_utf8_name()
    {
        var header = UploadFileName.ContentDisposition("勾股定理 课堂实录.mp4");
        Assert.StartsWith("attachment", header);
        Assert.Contains("filename*=UTF-8''%E5%8B%BE%E8%82%A1", header);
    }
}
