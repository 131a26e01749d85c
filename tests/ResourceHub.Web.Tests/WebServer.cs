using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ResourceHub.Api.Demo;
using ResourceHub.Api.Hosting;
using ResourceHub.Application.Identity;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
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

    private TestDatabase _database = null!;
    private WebApplication _app = null!;
    private IPlaywright _playwright = null!;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public Guid VideoId { get; private set; }
    public Guid ScriptTitleId { get; private set; }
    public IServiceProvider Services => _app.Services;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        _app = ServiceHost.Build([
            "--urls", "http://127.0.0.1:0",
            $"--{DataDirectory.ConfigKey}={_database.DataDir}",
            $"--ResourceHub:Database:Provider={_database.Provider}",
            $"--ResourceHub:Database:ConnectionString={_database.ConnectionString}",
            "--ResourceHub:DemoData=true",
            "--Logging:LogLevel:Default=Warning",
            "--ResourceHub:Web:UploadChunkBytes=16384", // small parts, so a small test video goes up in several PATCHes
        ]);
        await _app.Services.PrepareStorageAsync();
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using (var http = new HttpClient())
        {
            var signIn = await http.GetAsync(BaseUrl + "/signin");
            if (!signIn.IsSuccessStatusCode)
                throw new InvalidOperationException($"the sign-in page answered {(int)signIn.StatusCode}: {await signIn.Content.ReadAsStringAsync()}");
        }
        await SeedAsync();
        await WaitForAsync(async db => await db.Renditions.AnyAsync(r => r.Kind == "mp4-720p" && r.ResourceId == VideoId), "the demo video's 720p rendition");
        await WaitForAsync(async db => !await db.SearchOutbox.AnyAsync(e => e.ProcessedAt == null), "the search index to catch up");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
    }

    private async Task SeedAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
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
        await db.SaveChangesAsync();
        ScriptTitleId = script.Id;
        await scope.ServiceProvider.GetRequiredService<LocalAccounts>().AddAsync(
            new NewAccount(LockedUser, "锁定测试", Roles.Teacher, "bh-no1", [], DemoAccounts.Password), default);
    }

    private async Task WaitForAsync(Func<ResourceHubDbContext, Task<bool>> done, string what)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            await using (var scope = _app.Services.CreateAsyncScope())
                if (await done(scope.ServiceProvider.GetRequiredService<ResourceHubDbContext>()))
                    return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"waited 3 minutes for {what}");
            await Task.Delay(200);
        }
    }

    /// <summary>A fresh context (no cookies) signed in as this demo user, on the search page.</summary>
    public async Task<IPage> SignedInAsync(string user = "li.ming", bool javaScript = true)
    {
        var page = await NewPageAsync(javaScript);
        await page.GotoAsync("/signin");
        await page.FillAsync("#user", user);
        await page.FillAsync("#password", DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(BaseUrl + "/");
        return page;
    }

    public async Task<IPage> NewPageAsync(bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, AcceptDownloads = true, JavaScriptEnabled = javaScript });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }
}
