using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResourceHub.Api.Demo;
using ResourceHub.Data;
using ResourceHub.Domain.Contests;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ResourceHub.Web.Tests.Pages;

/// <summary>
/// axe-core (vendored from npm) on every page each role reaches: the crawl follows the links a signed-in user
/// of that role sees, so a new page is checked as soon as it is linked. Goal: 0 serious or critical violations.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class AccessibilityTests(WebServer server, ITestOutputHelper output)
{
    private const int MaxPagesPerRole = 16;
    private static readonly string[] NotPages = ["/media", "/odata", "/uploads", "/health", "/signout", "/signin-oidc"];

    [Theory]
    [InlineData(null)]
    [InlineData("li.ming")]
    [InlineData("alice")]
    [InlineData("zhang.expert")]
    [InlineData("zhao.host")]
    [InlineData("province.admin")]
    public async Task Every_page_a_role_reaches_has_no_serious_or_critical_violations(string? user)
    {
        var axe = Path.Combine(AppContext.BaseDirectory, "axe.min.js");
        Assert.True(File.Exists(axe), "axe-core is vendored at build time from npm (tests/ResourceHub.Web.Tests/package.json)");
        // Injecting axe needs an inline script, which the pages' CSP forbids: only this test's contexts bypass it.
        var page = user is null ? await server.NewPageAsync(bypassCsp: true) : await server.SignedInAsync(user, bypassCsp: true);
        List<string> start = ["/signin"];
        if (user is not null)
        {
            start = ["/", "/?q=" + Uri.EscapeDataString("分数"), $"/resources/{server.VideoId}", $"/resources/{server.ScriptTitleId}",
                "/contests", $"/contests/{await DemoContestIdAsync()}", "/basket", "/packages"];
            if (user == "province.admin")
                start.Add("/admin/stats");
        }

        var problems = new List<string>();
        var seen = new HashSet<string>();
        var queue = new Queue<string>(start);
        var visited = 0;
        while (queue.Count > 0 && visited < MaxPagesPerRole)
        {
            var url = queue.Dequeue();
            if (!seen.Add(Shape(url)))
                continue;
            var response = await page.GotoAsync(url);
            if (response is null || !page.Url.StartsWith(server.BaseUrl, StringComparison.Ordinal) || (response.Status >= 400 && response.Status != 404))
            {
                problems.Add($"{url}: answered {(int?)response?.Status}");
                continue;
            }
            visited++;
            await page.AddScriptTagAsync(new() { Path = axe });
            var found = await page.EvaluateAsync<string[]>(RunAxe);
            output.WriteLine($"{user ?? "anonymous"} {url}: {found.Length} serious/critical");
            problems.AddRange(found.Select(f => $"{url}: {f}"));
            foreach (var href in await page.EvalOnSelectorAllAsync<string[]>("a[href]:not([download])", "as => as.map(a => a.href)"))
                if (href.StartsWith(server.BaseUrl, StringComparison.Ordinal) && Local(href[server.BaseUrl.Length..]) is { } local)
                    queue.Enqueue(local);
        }
        Assert.True(visited >= 1, "no page was checked");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>The demo contest (in its voting phase: gallery, vote buttons and, for the province admin, the organiser's controls).</summary>
    private async Task<Guid> DemoContestIdAsync()
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ResourceHubDbContext>().Set<Contest>()
            .Where(c => c.Title == DemoContest.Title).Select(c => c.Id).SingleAsync();
    }

    private const string RunAxe = """
        async () => {
          const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
          return result.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
        }
        """;

    /// <summary>A same-site page link worth checking, or null (API, media, downloads, sign-out, fragments).</summary>
    private static string? Local(string pathAndQuery)
    {
        var path = pathAndQuery.Split('#')[0];
        if (path.Length == 0 || NotPages.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase)) || path.Contains("/download", StringComparison.OrdinalIgnoreCase))
            return null;
        return path;
    }

    /// <summary>Pages of one kind are checked once: ids and numbers are folded, the query is ignored.</summary>
    private static string Shape(string url) => Ids().Replace(url.Split('?')[0], "{id}");

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\\d+")]
    private static partial Regex Ids();
}
