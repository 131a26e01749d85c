using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ResourceHub.Api.Media;
using ResourceHub.Application.Media;
using ResourceHub.Data;
using ResourceHub.Testing;
using static ResourceHub.Api.Tests.Media.MediaApi;

namespace ResourceHub.Api.Tests.Media;

/// <summary>Upload a deck, a Word document or an OpenDocument text → LibreOffice in the worker → page images and a page count.</summary>
public abstract class OfficePreviewApiTests(string provider) : WorkerTestBase(provider)
{
    private const string Pptx = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Odt = "application/vnd.oasis.opendocument.text";
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G'];

    protected async Task Office_files_get_page_images_and_a_page_count()
    {
        var deck = await UploadedAsync(OfficeFiles.Pptx(("复习导入", null), ("赵爽弦图", "板书要点"), ("课堂小结", null)), Pptx, "勾股定理.pptx");
        var plan = await UploadedAsync(OfficeFiles.Docx(["教学目标", "理解光合作用"], ["环节一", "导入"]), Docx, "教学设计.docx");
        var odt = await UploadedAsync(OfficeFiles.Odt("第一页：课后反思", "第二页：改进措施"), Odt, "教学反思.odt");
        foreach (var id in new[] { deck, plan, odt })
            Assert.Equal("succeeded", (await WaitForJobAsync(Vendor, id)).GetProperty("State").GetString());

        Assert.Equal((3L, 3L), await PagesAsync(deck));
        Assert.Equal((1L, 1L), await PagesAsync(plan));
        Assert.Equal((2L, 2L), await PagesAsync(odt));

        // Every page image is served through the signed media path; a page past the last is a 404.
        var links = Api.Services.GetRequiredService<MediaLinks>();
        foreach (var page in new[] { 1, 2, 3 })
        {
            var image = await Vendor.GetAsync(links.Url(deck, "alice", SignedMedia.PreviewPage(page)));
            Assert.True(image.IsSuccessStatusCode, $"page {page}: {image.StatusCode}");
            Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
            Assert.Equal(PngSignature, (await image.Content.ReadAsByteArrayAsync())[..4]);
        }
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await Vendor.GetAsync(links.Url(deck, "alice", SignedMedia.PreviewPage(4)))).StatusCode);

        // OpenDocument has no Open XML text: its words come from the converted PDF.
        await using var db = Db.CreateContext();
        Assert.Contains("改进措施", db.ResourceTexts.Single(t => t.ResourceId == odt).Text);
    }

    protected async Task A_corrupt_deck_fails_in_chinese_and_stays_downloadable()
    {
        // A real deck's first bytes (so it is still taken for a deck), the rest overwritten: damaged in transit.
        var bytes = OfficeFiles.Pptx(("第一张", null));
        Array.Fill(bytes, (byte)0, 120, bytes.Length - 120);
        var id = await UploadedAsync(bytes, Pptx, "损坏的课件.pptx");

        var job = await WaitForJobAsync(Vendor, id);

        Assert.Equal("failed", job.GetProperty("State").GetString());
        Assert.StartsWith(JobErrors.Unconvertible, job.GetProperty("Error").GetString());
        Assert.Empty(await ListAsync(Vendor, $"/odata/Resources({id})/Renditions"));
        var download = await Vendor.GetAsync($"/odata/Resources({id})/$value");
        Assert.True(download.IsSuccessStatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
    }

    private async Task<Guid> UploadedAsync(byte[] bytes, string contentType, string fileName)
    {
        var id = await CreateAsync(Vendor);
        await UploadAsync(Vendor, id, bytes, contentType, fileName);
        return id;
    }

    private async Task<(long PageCount, long PreviewPages)> PagesAsync(Guid id)
    {
        var preview = (await ListAsync(Vendor, $"/odata/Resources({id})/Renditions")).Single(r => r.GetProperty("Kind").GetString() == "preview");
        Assert.Equal("image/png", preview.GetProperty("ContentType").GetString());
        return (preview.GetProperty("PageCount").GetInt64(), preview.GetProperty("PreviewPages").GetInt64());
    }
}

public sealed class SqliteOfficePreviewApiTests() : OfficePreviewApiTests(DatabaseOptions.Sqlite)
{
    [Fact] public Task Office_files_are_previewed() => Office_files_get_page_images_and_a_page_count();
    [Fact] public Task Corrupt_deck_fails_and_stays() => A_corrupt_deck_fails_in_chinese_and_stays_downloadable();
}

public sealed class PostgresOfficePreviewApiTests() : OfficePreviewApiTests(DatabaseOptions.Postgres)
{
    [PostgresFact] public Task Office_files_are_previewed() => Office_files_get_page_images_and_a_page_count();
    [PostgresFact] public Task Corrupt_deck_fails_and_stays() => A_corrupt_deck_fails_in_chinese_and_stays_downloadable();
}
