using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using ResourceHub.Data;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Resources;

/// <summary>Uploading and downloading a resource's file through /$value, on each blob store.</summary>
public abstract class ResourceFileTests(Func<IDictionary<string, string?>> settings) : ApiTest(DatabaseOptions.Sqlite, settings)
{
    private HttpClient _vendor = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _vendor = Api.ClientAs("alice", "vendor", "acme");
    }

    private async Task<Uri> CreateAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/odata/Resources",
            new { Kind = "lesson-record", Title = "勾股定理 课堂实录", Subject = "math", Stage = "junior" });
        response.EnsureSuccessStatusCode();
        return response.Headers.Location!;
    }

    private static HttpRequestMessage Put(Uri resource, HttpContent content, string contentType, string? fileName = null)
    {
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (fileName is not null)
        {
            var disposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName };
            content.Headers.ContentDisposition = disposition;
        }
        return new HttpRequestMessage(HttpMethod.Put, resource + "/$value") { Content = content };
    }

    private static byte[] Pdf(int size) => TestFiles.Pdf(size, seed: 42);

    [Fact]
    public async Task Upload_then_download_is_byte_exact_with_chinese_file_name()
    {
        var resource = await CreateAsync(_vendor);
        var bytes = Pdf(300_000);
        var put = await _vendor.SendAsync(Put(resource, new ByteArrayContent(bytes), "application/pdf", "勾股定理 教学设计.pdf"));
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);

        var get = await _vendor.GetAsync(resource + "/$value");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(bytes, await get.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", get.Content.Headers.ContentType?.MediaType);
        Assert.Equal("勾股定理 教学设计.pdf", get.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Contains("filename*=UTF-8''", get.Content.Headers.ContentDisposition!.ToString());

        var stats = JsonDocument.Parse(await _vendor.GetStringAsync(resource + "/Stats")).RootElement;
        Assert.Equal(1, stats.GetProperty("Downloads").GetInt64());

        var entity = await _vendor.GetFromJsonAsync<Dictionary<string, object?>>(resource);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), entity!["Sha256"]?.ToString());
        Assert.Equal(bytes.Length.ToString(), entity["Size"]?.ToString());
    }

    [Fact]
    public async Task Range_requests_get_206_and_out_of_range_gets_416()
    {
        var resource = await CreateAsync(_vendor);
        var bytes = Pdf(10_000);
        (await _vendor.SendAsync(Put(resource, new ByteArrayContent(bytes), "application/pdf"))).EnsureSuccessStatusCode();

        var ranged = new HttpRequestMessage(HttpMethod.Get, resource + "/$value");
        ranged.Headers.Range = new RangeHeaderValue(100, 199);
        var partial = await _vendor.SendAsync(ranged);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(bytes[100..200], await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal("bytes 100-199/10000", partial.Content.Headers.ContentRange?.ToString());

        var outside = new HttpRequestMessage(HttpMethod.Get, resource + "/$value");
        outside.Headers.Range = new RangeHeaderValue(20_000, 20_100);
        var refused = await _vendor.SendAsync(outside);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, refused.StatusCode);
        Assert.Equal("bytes */10000", refused.Content.Headers.ContentRange?.ToString());
    }

    [Fact]
    public async Task If_none_match_with_current_etag_is_304()
    {
        var resource = await CreateAsync(_vendor);
        (await _vendor.SendAsync(Put(resource, new ByteArrayContent(Pdf(1000)), "application/pdf"))).EnsureSuccessStatusCode();
        var first = await _vendor.GetAsync(resource + "/$value");
        var conditional = new HttpRequestMessage(HttpMethod.Get, resource + "/$value");
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await _vendor.SendAsync(conditional)).StatusCode);
    }

    [Fact]
    public async Task Anonymous_put_is_401_other_org_vendor_is_403_and_nothing_changes()
    {
        var resource = await CreateAsync(_vendor);
        var anonymous = Api.ClientAs(null);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await anonymous.SendAsync(Put(resource, new ByteArrayContent(Pdf(100)), "application/pdf"))).StatusCode);

        // The admin of the root organisation (the platform administrator) sees every organisation's drafts.
        await using (var context = Db.CreateContext())
        {
            context.Organizations.Add(new ResourceHub.Domain.Organizations.Organization { Code = "ah-edu", Name = "安徽省教育厅", Kind = "region", Tier = "province" });
            await context.SaveChangesAsync();
        }
        var admin = Api.ClientAs("root", "admin", "ah-edu");
        var otherVendor = Api.ClientAs("bob", "vendor", "lumen");
        var adminView = await admin.GetAsync(resource);
        Assert.Equal(HttpStatusCode.OK, adminView.StatusCode);
        var stranger = await otherVendor.SendAsync(Put(resource, new ByteArrayContent(Pdf(100)), "application/pdf"));
        Assert.True(stranger.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"got {stranger.StatusCode}");
        Assert.Equal(HttpStatusCode.NotFound, (await _vendor.GetAsync(resource + "/$value")).StatusCode);
    }

    [Fact]
    public async Task Bytes_that_contradict_the_declared_type_are_415()
    {
        var resource = await CreateAsync(_vendor);
        var response = await _vendor.SendAsync(Put(resource, new ByteArrayContent(Pdf(1000)), "video/mp4"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("video/mp4", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_200_MB_upload_streams_through_and_back_byte_exact()
    {
        const long size = 200L * 1024 * 1024;
        var resource = await CreateAsync(_vendor);
        using var source = new PatternStream(size);
        var put = await _vendor.SendAsync(Put(resource, new StreamContent(source), "application/octet-stream", "大文件.bin"));
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);

        using var download = await _vendor.GetAsync(resource + "/$value", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await download.Content.ReadAsStreamAsync();
        var actual = await SHA256.HashDataAsync(body);
        Assert.Equal(PatternStream.Sha256Of(size), actual);
    }

    [Theory]
    [InlineData("image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "板书.svg")]
    [InlineData("text/html; charset=utf-8", "<html><body><script>alert(1)</script></body></html>", "页面.html")]
    [InlineData("application/javascript", "alert(document.cookie)", "脚本.js")]
    [InlineData("application/xhtml+xml", "<html xmlns=\"http://www.w3.org/1999/xhtml\"><script>alert(1)</script></html>", "a.xhtml")]
    public async Task Active_content_is_kept_but_served_as_octet_stream_with_nosniff(string type, string body, string name)
    {
        var resource = await CreateAsync(_vendor);
        Assert.Equal(HttpStatusCode.NoContent, (await _vendor.SendAsync(Put(resource, new StringContent(body), type, name))).StatusCode);

        var get = await _vendor.GetAsync(resource + "/$value");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("application/octet-stream", get.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", get.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("attachment", get.Content.Headers.ContentDisposition?.DispositionType);
        var entity = await _vendor.GetFromJsonAsync<Dictionary<string, object?>>(resource);
        Assert.StartsWith(type.Split(';')[0], entity!["ContentType"]?.ToString()); // the declaration is kept as metadata
    }

    [Fact]
    public async Task Passive_files_keep_their_type_and_also_get_nosniff()
    {
        var resource = await CreateAsync(_vendor);
        (await _vendor.SendAsync(Put(resource, new ByteArrayContent(Pdf(2_000)), "application/pdf"))).EnsureSuccessStatusCode();
        var get = await _vendor.GetAsync(resource + "/$value");
        Assert.Equal("application/pdf", get.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", get.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_pdf_zip_polyglot_is_refused(bool pdfFirst)
    {
        var resource = await CreateAsync(_vendor);
        var zip = new byte[] { (byte)'P', (byte)'K', 3, 4, 20, 0, 0, 0 };
        var pdf = "%PDF-1.4\n1 0 obj\n"u8.ToArray();
        var bytes = pdfFirst ? [.. pdf, .. zip, .. new byte[500]] : zip.Concat(new byte[100]).Concat(pdf).ToArray();
        var response = await _vendor.SendAsync(Put(resource, new ByteArrayContent(bytes), pdfFirst ? "application/pdf" : "application/zip"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("PDF 和 ZIP", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _vendor.GetAsync(resource + "/$value")).StatusCode);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("video/")]
    [InlineData("/mp4")]
    [InlineData("video/mp4/extra")]
    [InlineData("*/*")]
    [InlineData("视频/mp4")]
    [InlineData("multipart/form-data; boundary=")]
    [InlineData("video/mp4; =x")]
    public async Task A_content_type_that_is_no_media_type_is_a_clear_400(string contentType) =>
        await AssertInvalidContentTypeAsync(contentType, "不是有效的媒体类型");

    [Fact]
    public async Task A_content_type_over_200_characters_is_a_clear_400() =>
        await AssertInvalidContentTypeAsync("application/pdf; x=" + new string('a', 300), "过长");

    private async Task AssertInvalidContentTypeAsync(string contentType, string expected)
    {
        var resource = await CreateAsync(_vendor);
        var content = new ByteArrayContent(Pdf(1_000));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var response = await _vendor.SendAsync(new HttpRequestMessage(HttpMethod.Put, resource + "/$value") { Content = content });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal("InvalidContentType", error.GetProperty("code").GetString());
        Assert.Contains(expected, error.GetProperty("message").GetString());
    }
}

public sealed class LocalFileResourceFileTests() : ResourceFileTests(() => new Dictionary<string, string?>());

[Trait("BlobStore", "s3")]
public sealed class S3ResourceFileTests() : ResourceFileTests(TestEnvironment.S3Settings);
