using ResourceHub.Blobs.Sniffing;

namespace ResourceHub.Blobs.Tests.Sniffing;

public sealed class ActiveContentTests
{
    [Theory]
    [InlineData("image/svg+xml")]
    [InlineData("Text/HTML; charset=utf-8")]
    [InlineData("application/javascript")]
    [InlineData("text/javascript")]
    [InlineData("application/xml")]
    [InlineData("application/rss+xml")]
    [InlineData("application/x-shockwave-flash")]
    public void Types_a_browser_runs_are_served_as_octet_stream(string type) =>
        Assert.Equal("application/octet-stream", ActiveContent.ServedType(type));

    [Theory]
    [InlineData("application/pdf")]
    [InlineData("video/mp4")]
    [InlineData("image/png")]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData("application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    public void Passive_types_are_served_as_declared(string type) => Assert.Equal(type, ActiveContent.ServedType(type));

    [Fact]
    public void A_pdf_with_a_zip_record_in_its_head_is_a_polyglot() =>
        Assert.True(ContentSniffer.IsPdfZipPolyglot([.. "%PDF-1.7\n"u8, .. "PK\u0003\u0004"u8, 0, 0]));

    [Fact]
    public void A_zip_with_a_pdf_header_in_its_first_kilobyte_is_a_polyglot() =>
        Assert.True(ContentSniffer.IsPdfZipPolyglot([.. "PK\u0003\u0004"u8, .. new byte[200], .. "%PDF-1.4"u8]));

    [Fact]
    public void Plain_pdfs_and_zips_are_not_polyglots()
    {
        Assert.False(ContentSniffer.IsPdfZipPolyglot("%PDF-1.4\n1 0 obj << >> endobj"u8));
        Assert.False(ContentSniffer.IsPdfZipPolyglot([.. "PK\u0003\u0004"u8, .. new byte[2000], .. "%PDF-1.4"u8]));
    }
}
