using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ResourceHub.Web.Tests.Pages;

/// <summary>
/// Bytes on the wire for the search page (issue 12's budget for 512 kbit/s lines): first visit with an empty cache
/// ≤ 150 KB (HTML, CSS, JS, thumbnails; no web fonts), a following navigation ≤ 30 KB. Byte counts, not timings.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PageWeightTests(WebServer server, ITestOutputHelper output)
{
    [Fact]
    public async Task The_search_page_fits_the_slow_line_budget()
    {
        var signedIn = await server.SignedInAsync();
        var state = await signedIn.Context.StorageStateAsync();
        var context = await server.Browser.NewContextAsync(new() { BaseURL = server.BaseUrl, StorageState = state }); // cookies, empty cache
        var page = await context.NewPageAsync();

        // Video kinds, so the cards carry thumbnails; then a facet narrows the same search.
        var first = await MeasureAsync(page, () => page.GotoAsync("/?kind=micro-lesson&kind=lesson-record&kind=story-video"));
        Assert.True(await page.Locator(".card img").CountAsync() > 0, "the measured page shows thumbnails");
        var next = await MeasureAsync(page, async () =>
        {
            await page.CheckAsync("#f-stage-primary"); // the page's script submits the form
            await page.WaitForURLAsync(u => u.Contains("stage=primary"));
        });
        output.WriteLine($"search page, first visit: {first.Bytes / 1024.0:F1} KB in {first.Requests} requests ({first.Bytes / (150 * 1024.0):P0} of 150 KB)");
        output.WriteLine($"search page, following navigation (a facet): {next.Bytes / 1024.0:F1} KB in {next.Requests} requests ({next.Bytes / (30 * 1024.0):P0} of 30 KB)");
        Assert.InRange(first.Bytes, 1, 150 * 1024);
        Assert.InRange(next.Bytes, 1, 30 * 1024);
        Assert.DoesNotContain(first.Urls, u => u.EndsWith(".woff2") || u.EndsWith(".woff") || u.EndsWith(".ttf"));
    }

    private static async Task<(long Bytes, int Requests, List<string> Urls)> MeasureAsync(IPage page, Func<Task> navigate)
    {
        var finished = new List<IRequest>();
        void OnFinished(object? _, IRequest r) { lock (finished) finished.Add(r); }
        page.RequestFinished += OnFinished;
        await navigate();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        page.RequestFinished -= OnFinished;
        long bytes = 0;
        foreach (var r in finished)
        {
            var sizes = await r.SizesAsync();
            bytes += sizes.ResponseBodySize + sizes.ResponseHeadersSize + sizes.RequestHeadersSize;
        }
        return (bytes, finished.Count, finished.Select(r => r.Url).ToList());
    }
}
