using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ResourceHub.Api.Demo;
using ResourceHub.Application.Identity;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Packages;
using ResourceHub.Domain.Resources;
using ResourceHub.Testing;

namespace ResourceHub.Web.Tests;

/// <summary>
/// One real Kestrel instance (the production host, demo data loaded, videos transcoded by the real worker) and
/// one headless Debian chromium, shared by a test class. Each test opens its own browser context.
/// </summary>
public sealed class WebServer : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    public const string ScriptTitle = "<script>alert('xss')</script>勾股定理复习";
    public const string LockedUser = "lock.me";
    public const string ContentSentence = "第二页：请同学们课后收集校园里的银杏落叶，<b onmouseover=alert(1)>按叶形分类</b>后制作成标本。";

    private DemoHost _host = null!;
    private IPlaywright _playwright = null!;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public Guid VideoId { get; private set; }
    public Guid ScriptTitleId { get; private set; }
    public IServiceProvider Services => _host.Services;

    public async Task InitializeAsync()
    {
        // Small parts, so a small test video goes up in several PATCHes.
        // Downloads and ratings reach the index's sort within a second (the default refresh is every 30 s).
        _host = await DemoHost.StartAsync("--ResourceHub:Web:UploadChunkBytes=16384", "--ResourceHub:Search:Indexer:StatsRefreshSeconds=1");
        BaseUrl = _host.BaseUrl;
        using (var http = new HttpClient())
        {
            var signIn = await http.GetAsync(BaseUrl + "/signin");
            if (!signIn.IsSuccessStatusCode)
                throw new InvalidOperationException($"the sign-in page answered {(int)signIn.StatusCode}: {await signIn.Content.ReadAsStringAsync()}");
        }
        await SeedAsync();
        await _host.WaitForAsync(async db => await db.Renditions.AnyAsync(r => r.Kind == "mp4-720p" && r.ResourceId == VideoId), "the demo video's 720p rendition", TimeSpan.FromMinutes(3));
        await _host.WaitForAsync(async db => !await db.SearchOutbox.AnyAsync(e => e.ProcessedAt == null), "the search index to catch up", TimeSpan.FromMinutes(3));
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
    }

    private async Task SeedAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResourceHubDbContext>();
        VideoId = await db.Resources.Where(r => r.Title == "分数的初步认识（微课）").Select(r => r.Id).SingleAsync();
        var now = DateTime.UtcNow;
        var script = new Resource
        {
            Id = Guid.NewGuid(), Kind = "courseware", Title = ScriptTitle, Description = "<img src=x onerror=alert(1)> **复习**",
            Subject = "math", Stage = "junior", OwnerOrg = "acme", CreatedBy = "alice", CreatedAt = now, UpdatedAt = now,
            Status = ResourceStatus.Published,
        };
        db.Resources.Add(script);
        // Text inside its file, as the media job extracts it: a sentence found only there, with markup that must stay text.
        db.ResourceTexts.Add(new ResourceText { ResourceId = script.Id, Text = ContentSentence, ExtractedAt = now });
        await db.SaveChangesAsync();
        ScriptTitleId = script.Id;
        // A package li.ming's school sees and a basket item of his, so the accessibility crawl checks both pages filled.
        db.Add(new BasketItem { UserId = "li.ming", ResourceId = VideoId, AddedAt = now });
        var section = new PackageSection { Id = Guid.NewGuid(), Position = 0, Title = "第一课时", Items = [new() { Id = Guid.NewGuid(), Position = 0, ResourceId = VideoId }] };
        db.Add(new Package
        {
            Id = Guid.NewGuid(), Title = "分数单元资源包", Description = "## 使用建议\n\n先看**微课**。", Subject = "math", Stage = "primary",
            OwnerOrg = "bh-no1", CreatedBy = "li.ming", CreatedAt = now, UpdatedAt = now, Sections = [section],
        });
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<LocalAccounts>().AddAsync(
            new NewAccount(LockedUser, "锁定测试", Roles.Teacher, "bh-no1", [], DemoAccounts.Password), default);
    }

    /// <summary>A fresh context (no cookies) signed in as this demo user, on the search page.</summary>
    public async Task<IPage> SignedInAsync(string user = "li.ming", bool javaScript = true, bool bypassCsp = false)
    {
        var page = await NewPageAsync(javaScript, bypassCsp);
        await page.GotoAsync("/signin");
        await page.FillAsync("#user", user);
        await page.FillAsync("#password", DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        try
        {
            // Reaching the page is the point, not every image on it: a first page after the host starts once stayed at
            // the search page for 30 s without its load event (a subresource still open), failing unrelated tests.
            await page.WaitForURLAsync(BaseUrl + "/", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        }
        catch (TimeoutException e)
        {
            // Said with where the browser is and what it shows, so a sign-in that fails once on a loaded run can be told apart.
            throw new TimeoutException($"sign-in as {user} did not reach the search page: at {page.Url}, showing: {await page.InnerTextAsync("body")}", e);
        }
        return page;
    }

    /// <param name="bypassCsp">Only for tests that inject a script of their own (axe-core): the pages' CSP forbids inline code.</param>
    public async Task<IPage> NewPageAsync(bool javaScript = true, bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, AcceptDownloads = true, JavaScriptEnabled = javaScript, BypassCSP = bypassCsp });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_host is not null)
            await _host.DisposeAsync();
    }
}
