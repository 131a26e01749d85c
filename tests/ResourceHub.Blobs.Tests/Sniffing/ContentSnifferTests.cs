using System.Text;
using ResourceHub.Blobs.Sniffing;
using ResourceHub.Blobs.Tests.Support;

namespace ResourceHub.Blobs.Tests.Sniffing;

public sealed class ContentSnifferTests
{
    private static byte[] B(params object[] parts)
    {
        // Concatenates strings (as ASCII/UTF-8) and byte values into one array.
        var bytes = new List<byte>();
        foreach (var part in parts)
        {
            switch (part)
            {
                case string s: bytes.AddRange(Encoding.UTF8.GetBytes(s)); break;
                case int i: bytes.Add((byte)i); break;
                case byte[] a: bytes.AddRange(a); break;
                default: throw new ArgumentException(part.GetType().Name);
            }
        }
        return bytes.ToArray();
    }

    public static TheoryData<string, byte[], string> Signatures => new()
    {
        { "mp4", B(0, 0, 0, 0x20, "ftypisom", 0, 0, 2, 0, "isomiso2avc1mp41"), MediaTypes.Mp4 },
        { "mp4 (brand mp42)", B(0, 0, 0, 0x18, "ftypmp42"), MediaTypes.Mp4 },
        { "mov", B(0, 0, 0, 0x14, "ftypqt  ", 0, 0, 2, 0), MediaTypes.QuickTime },
        { "old mov", B(0, 0, 0, 8, "wide", 0, 0, 0, 8, "mdat"), MediaTypes.QuickTime },
        { "m4a", B(0, 0, 0, 0x20, "ftypM4A ", 0, 0, 0, 0), MediaTypes.Mp4Audio },
        { "3gp", B(0, 0, 0, 0x14, "ftyp3gp4"), MediaTypes.ThreeGpp },
        { "heic", B(0, 0, 0, 0x18, "ftypheic"), MediaTypes.Heic },
        { "avif", B(0, 0, 0, 0x1C, "ftypavif"), MediaTypes.Avif },
        { "webm", B(0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84, "webm"), MediaTypes.WebM },
        { "mkv", B(0x1A, 0x45, 0xDF, 0xA3, 0xA3, 0x42, 0x82, 0x88, "matroska"), MediaTypes.Matroska },
        { "avi", B("RIFF", 0x24, 0, 0, 0, "AVI LIST"), MediaTypes.Avi },
        { "wav", B("RIFF", 0x24, 0, 0, 0, "WAVEfmt "), MediaTypes.Wav },
        { "webp", B("RIFF", 0x24, 0, 0, 0, "WEBPVP8 "), MediaTypes.WebP },
        { "flv", B("FLV", 1, 5, 0, 0, 0, 9), MediaTypes.Flv },
        { "mp3 with ID3", B("ID3", 4, 0, 0, 0, 0, 0, 0), MediaTypes.Mp3 },
        { "mp3 frame", B(0xFF, 0xFB, 0x90, 0x64, 0, 0), MediaTypes.Mp3 },
        { "aac adts", B(0xFF, 0xF1, 0x50, 0x80, 0x02, 0x1F), MediaTypes.Aac },
        { "jpeg", B(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, "JFIF"), MediaTypes.Jpeg },
        { "png", B(0x89, "PNG", 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, "IHDR"), MediaTypes.Png },
        { "gif87", B("GIF87a", 1, 0), MediaTypes.Gif },
        { "gif89", B("GIF89a", 1, 0), MediaTypes.Gif },
        { "pdf", B("%PDF-1.7\n%\u00e2\u00e3"), MediaTypes.Pdf },
        { "docx (zip)", B("PK", 3, 4, 20, 0, 6, 0, 8, 0, "[Content_Types].xml"), MediaTypes.Zip },
        { "empty zip", B("PK", 5, 6, 0, 0, 0, 0), MediaTypes.Zip },
        { "doc (OLE2)", B(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0), MediaTypes.Ole2 },
        { "ascii text", B("Lesson plan: fractions\r\n\tWeek 1\n"), MediaTypes.Text },
        { "chinese markdown", B("# 第一章 分数\n\n- 教学目标：理解分数\n"), MediaTypes.Text },
        { "utf-8 bom", B(0xEF, 0xBB, 0xBF, "hello"), MediaTypes.Text },
        { "text starting with G", B("Good morning, class."), MediaTypes.Text },
        { "mpeg-ts", Ts(3), MediaTypes.MpegTs },
    };

    private static byte[] Ts(int packets)
    {
        var bytes = new byte[188 * packets];
        for (var i = 0; i < bytes.Length; i += 188)
            bytes[i] = 0x47;
        return bytes;
    }

    [Theory]
    [MemberData(nameof(Signatures))]
    public void Detects_signature(string name, byte[] head, string expected)
    {
        Assert.True(expected == ContentSniffer.Sniff(head), $"{name}: got {ContentSniffer.Sniff(head) ?? "null"}");
    }

    public static TheoryData<string, byte[]> Unrecognised => new()
    {
        { "empty", [] },
        { "text with NUL", B("abc", 0, "def") },
        { "invalid utf-8 (GBK)", [0xBD, 0xCC, 0xCA, 0xA6, 0xC5, 0xE0, 0xD1, 0xB5] },
        { "random binary", [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08] },
        { "RIFF of unknown form", B("RIFF", 0, 0, 0, 0, "XXXX") },
        { "frame sync with reserved layer", [0xFF, 0xE0, 0x00] },
        { "0x47 without the next sync byte", [0x47, .. new byte[200]] },
    };

    [Theory]
    [MemberData(nameof(Unrecognised))]
    public void Unrecognised_bytes_give_null(string name, byte[] head)
    {
        Assert.True(ContentSniffer.Sniff(head) is null, $"{name}: got {ContentSniffer.Sniff(head)}");
    }

    [Fact]
    public void Utf8_sequence_cut_at_the_end_of_the_head_is_still_text()
    {
        var text = Encoding.UTF8.GetBytes(new string('教', 1366)); // 4098 bytes
        Assert.Equal(MediaTypes.Text, ContentSniffer.Sniff(text.AsSpan(0, ContentSniffer.HeadLength)));
    }

    [Theory]
    [InlineData("video/mp4", MediaTypes.Mp4, true)]
    [InlineData("Video/MP4; codecs=\"avc1\"", MediaTypes.Mp4, true)]
    [InlineData("video/quicktime", MediaTypes.Mp4, true)]
    [InlineData("video/mp4", MediaTypes.QuickTime, true)]
    [InlineData("video/mp4", MediaTypes.Pdf, false)]
    [InlineData("video/mp4", null, false)]
    [InlineData("application/octet-stream", MediaTypes.Pdf, true)]
    [InlineData("application/octet-stream", null, true)]
    [InlineData("", MediaTypes.Png, true)]
    [InlineData(null, MediaTypes.Png, true)]
    [InlineData("application/vnd.openxmlformats-officedocument.wordprocessingml.document", MediaTypes.Zip, true)]
    [InlineData("application/vnd.openxmlformats-officedocument.presentationml.presentation", MediaTypes.Zip, true)]
    [InlineData("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaTypes.Zip, true)]
    [InlineData("application/vnd.openxmlformats-officedocument.wordprocessingml.document", MediaTypes.Ole2, false)]
    [InlineData("application/msword", MediaTypes.Ole2, true)]
    [InlineData("application/vnd.ms-powerpoint", MediaTypes.Ole2, true)]
    [InlineData("application/vnd.ms-excel", MediaTypes.Ole2, true)]
    [InlineData("application/msword", MediaTypes.Zip, false)]
    [InlineData("application/pdf", MediaTypes.Pdf, true)]
    [InlineData("application/pdf", MediaTypes.Text, false)]
    [InlineData("image/jpeg", MediaTypes.Png, false)]
    [InlineData("image/jpg", MediaTypes.Jpeg, true)]
    [InlineData("audio/mp3", MediaTypes.Mp3, true)]
    [InlineData("audio/x-wav", MediaTypes.Wav, true)]
    [InlineData("video/webm", MediaTypes.Matroska, true)]
    [InlineData("video/x-msvideo", MediaTypes.Avi, true)]
    [InlineData("video/x-flv", MediaTypes.Flv, true)]
    [InlineData("video/mp2t", MediaTypes.MpegTs, true)]
    [InlineData("image/webp", MediaTypes.WebP, true)]
    [InlineData("image/gif", MediaTypes.Gif, true)]
    [InlineData("text/markdown", MediaTypes.Text, true)]
    [InlineData("text/csv; charset=utf-8", MediaTypes.Text, true)]
    [InlineData("application/json", MediaTypes.Text, true)]
    [InlineData("image/svg+xml", MediaTypes.Text, true)]
    [InlineData("text/plain", null, true)] // GBK or UTF-16 text is not recognised as UTF-8
    [InlineData("text/html", MediaTypes.Png, false)]
    [InlineData("text/plain", MediaTypes.Pdf, false)]
    [InlineData("application/x-custom-courseware", MediaTypes.Zip, true)] // cannot judge an unknown type
    public void Declared_type_compatibility(string? declared, string? sniffed, bool compatible)
    {
        Assert.Equal(compatible, ContentSniffer.IsCompatible(declared, sniffed));
    }

    [Fact]
    public async Task SniffAsync_peeks_a_non_seekable_stream_and_replays_every_byte()
    {
        var pdf = B("%PDF-1.4\n", GeneratedStream.Bytes(10_000, seed: 9));
        var upload = new FailingStream(new MemoryStream(pdf), failAfter: long.MaxValue); // non-seekable

        var sniffed = await ContentSniffer.SniffAsync(upload);

        Assert.Equal(MediaTypes.Pdf, sniffed.MediaType);
        Assert.Equal(pdf, await StreamAssert.ReadAllAsync(sniffed.Content));
    }

    [Fact]
    public async Task SniffAsync_handles_content_shorter_than_the_head()
    {
        var sniffed = await ContentSniffer.SniffAsync(new MemoryStream("short"u8.ToArray()));

        Assert.Equal(MediaTypes.Text, sniffed.MediaType);
        Assert.Equal("short"u8.ToArray(), await StreamAssert.ReadAllAsync(sniffed.Content));
    }

    [Fact]
    public async Task SniffAsync_reads_only_the_head_before_returning()
    {
        var upload = new GeneratedStream(1_000_000, seed: 2);

        var sniffed = await ContentSniffer.SniffAsync(upload);

        Assert.Equal(ContentSniffer.HeadLength, upload.Position);
        Assert.Equal(GeneratedStream.Bytes(1_000_000, seed: 2), await StreamAssert.ReadAllAsync(sniffed.Content));
    }
}
