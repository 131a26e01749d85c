using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ResourceHub.Api.Demo;
using ResourceHub.Api.Identity;
using ResourceHub.Data;
using ResourceHub.Domain.Resources;
using ResourceHub.Media.Pipeline;
using ResourceHub.Media.Processes;
using ResourceHub.Testing;

namespace ResourceHub.Bench.Web;

/// <summary>
/// The production host on loopback with the demo data, one extra published 720p lesson of the given length
/// (uploaded through the API and transcoded by the real worker), and headless Debian chromium.
/// </summary>
public sealed class BenchSite : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private DemoHost _host = null!;
    private IPlaywright _playwright = null!;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public Guid LessonId { get; private set; }
    public IServiceProvider Services => _host.Services;

    public static async Task<BenchSite> StartAsync(int clipSeconds)
    {
        var site = new BenchSite();
        site._host = await DemoHost.StartAsync("--ResourceHub:RateLimits:Enabled=false");
        site.BaseUrl = site._host.BaseUrl;
        Console.WriteLine($"Uploading a {clipSeconds} s 720p lesson and waiting for its renditions...");
        site.LessonId = await site.UploadLessonAsync(clipSeconds);
        await site._host.WaitForAsync(async db => await db.Renditions.AnyAsync(r => r.Kind == "mp4-720p" && r.ResourceId == site.LessonId),
            "the lesson's 720p rendition", TimeSpan.FromMinutes(10));
        await site._host.WaitForAsync(async db => !await db.SearchOutbox.AnyAsync(e => e.ProcessedAt == null), "the search index to catch up", TimeSpan.FromMinutes(10));
        site._playwright = await Playwright.CreateAsync();
        site.Browser = await site._playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox", "--autoplay-policy=no-user-gesture-required"],
        });
        return site;
    }

    /// <summary>A lesson clip with motion and grain (so its bitrate is like a real classroom video's), published.</summary>
    private async Task<Guid> UploadLessonAsync(int seconds)
    {
        var clip = Path.Combine(_host.DataDir, "bench-lesson.mp4");
        var pipeline = new MediaPipeline();
        await new FfmpegRunner(pipeline.Tools).RunFfmpegAsync(
            ["-hide_banner", "-nostdin", "-y", "-loglevel", "error",
             "-f", "lavfi", "-i", $"testsrc2=size=1280x720:rate=25:duration={seconds}",
             "-f", "lavfi", "-i", $"sine=frequency=440:sample_rate=48000:duration={seconds}",
             "-vf", "noise=alls=12:allf=t", "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p",
             "-c:a", "aac", "-b:a", "128k", "-shortest", clip],
            TimeSpan.FromMinutes(10));

        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromMinutes(5) };
        var token = Services.GetRequiredService<TokenIssuer>().Issue("alice", "vendor", "acme");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var created = await http.PostAsync("/odata/Resources", new StringContent(
            """{"Title":"勾股定理的证明（课堂实录·测速）","Kind":"lesson-record","Subject":"math","Stage":"junior","Description":"用于测量县域网络下的播放。"}""",
            System.Text.Encoding.UTF8, "application/json"));
        created.EnsureSuccessStatusCode();
        var id = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("Id").GetGuid();
        await using (var file = File.OpenRead(clip))
        {
            var body = new StreamContent(file);
            body.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
            (await http.PutAsync($"/odata/Resources({id})/$value", body)).EnsureSuccessStatusCode();
        }
        // Curation is not what is measured here: publish directly.
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResourceHubDbContext>();
        var row = await db.Resources.SingleAsync(r => r.Id == id);
        row.Status = ResourceStatus.Published;
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>A fresh browser context (empty cache) signed in as this demo user.</summary>
    public async Task<IPage> SignedInAsync(string user = "li.ming")
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.FillAsync("#user", user);
        await page.FillAsync("#password", DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(u => !u.Contains("/signin"));
        return page;
    }

    /// <summary>Another context with the same cookies but an empty cache: a first visit on a slow line.</summary>
    public async Task<IPage> ColdPageAsync(IPage signedIn)
    {
        var state = await signedIn.Context.StorageStateAsync();
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, StorageState = state, ViewportSize = new() { Width = 1280, Height = 900 } });
        return await context.NewPageAsync();
    }

    /// <summary>Chromium's own network throttling (DevTools protocol), applied to every request of the page.</summary>
    public static async Task ThrottleAsync(IPage page, int kilobitsPerSecond, int roundTripMs)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false,
            ["latency"] = roundTripMs,
            ["downloadThroughput"] = kilobitsPerSecond * 1000 / 8,
            ["uploadThroughput"] = kilobitsPerSecond * 1000 / 8,
        });
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_host is not null)
            await _host.DisposeAsync();
    }
}
