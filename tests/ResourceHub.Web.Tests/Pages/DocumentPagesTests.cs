using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResourceHub.Api.Identity;
using ResourceHub.Data;
using ResourceHub.Testing;

namespace ResourceHub.Web.Tests.Pages;

/// <summary>A deck uploaded through the API, converted by LibreOffice in the worker, shown page by page on its detail page.</summary>
[Collection(WebCollection.Name)]
public sealed class DocumentPagesTests(WebServer server)
{
    private const string Pptx = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    [Fact]
    public async Task Every_page_image_is_shown_lazily_with_its_number_and_the_page_count()
    {
        var id = await UploadDeckAsync(OfficeFiles.Pptx(("第一张：复习导入", null), ("第二张：赵爽弦图", null), ("第三张：课堂小结", null)));

        var page = await server.SignedInAsync("alice");
        await page.GotoAsync($"/resources/{id}");

        Assert.Contains("共 3 页", await page.TextContentAsync(".preview .hint"));
        var images = page.Locator(".preview ol.pages img");
        Assert.Equal(3, await images.CountAsync());
        for (var n = 0; n < 3; n++)
        {
            var image = images.Nth(n);
            Assert.Equal($"第 {n + 1} 页", await image.GetAttributeAsync("alt"));
            Assert.Equal("lazy", await image.GetAttributeAsync("loading"));
            await image.ScrollIntoViewIfNeededAsync();
            await page.WaitForFunctionAsync("i => i.complete && i.naturalWidth > 0", await image.ElementHandleAsync());
        }
    }

    private async Task<Guid> UploadDeckAsync(byte[] deck)
    {
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var token = server.Services.GetRequiredService<TokenIssuer>().Issue("alice", "vendor", "acme");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var created = await http.PostAsJsonAsync("/odata/Resources", new { Kind = "courseware", Title = "勾股定理（课件）", Subject = "math", Stage = "junior" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("Id").GetGuid();
        var content = new ByteArrayContent(deck);
        content.Headers.ContentType = new MediaTypeHeaderValue(Pptx);
        content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = "勾股定理.pptx" };
        var uploaded = await http.PutAsync($"/odata/Resources({id})/$value", content);
        Assert.True(uploaded.IsSuccessStatusCode, await uploaded.Content.ReadAsStringAsync());

        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            await using (var scope = server.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ResourceHubDbContext>();
                if (await db.Renditions.AnyAsync(r => r.ResourceId == id && r.Kind == "preview"))
                    return id;
            }
            Assert.True(DateTime.UtcNow < deadline, "the deck's page images were not made within 2 minutes");
            await Task.Delay(300);
        }
    }
}
