using System.Diagnostics;
using Microsoft.Playwright;

namespace ResourceHub.Bench.Web;

/// <summary>
/// A teacher on a 512 kbit/s line with 300 ms round trips opens the search page (empty cache), types a query and
/// presses Enter; the time runs from Enter until the first result card (or the empty state) is visible.
/// </summary>
public static class SearchOnSlowLine
{
    private const double GoalSeconds = 3.0;
    private static readonly string[] Queries = ["分数", "勾股定理", "初一数学教学设计", "微课", "课堂实录"];

    public static async Task<bool> RunAsync(BenchSite site)
    {
        var signedIn = await site.SignedInAsync();
        var fast = new List<double>();
        var slow = new List<double>();
        foreach (var query in Queries)
        {
            fast.Add(await TimeOneAsync(site, signedIn, query, throttle: false));
            slow.Add(await TimeOneAsync(site, signedIn, query, throttle: true));
        }
        var slowMedian = Median(slow);
        var fastMedian = Median(fast);
        Console.WriteLine($"search, Enter → results visible, {Queries.Length} queries, cold cache each:");
        Console.WriteLine($"  unthrottled (baseline):  median {fastMedian:F2} s, max {fast.Max():F2} s");
        Console.WriteLine($"  512 kbit/s, 300 ms RTT:  median {slowMedian:F2} s, max {slow.Max():F2} s ({slowMedian / fastMedian:F1}× baseline)");
        var pass = slow.Max() <= GoalSeconds;
        Console.WriteLine($"  {(pass ? "PASS" : "FAIL")}: slowest {slow.Max():F2} s (goal ≤ {GoalSeconds:F0} s)");
        return pass;
    }

    private static async Task<double> TimeOneAsync(BenchSite site, IPage signedIn, string query, bool throttle)
    {
        var page = await site.ColdPageAsync(signedIn);
        if (throttle)
            await BenchSite.ThrottleAsync(page, kilobitsPerSecond: 512, roundTripMs: 300);
        await page.GotoAsync("/");
        await page.FillAsync("#q", query);
        var clock = Stopwatch.StartNew();
        await page.PressAsync("#q", "Enter");
        await page.WaitForURLAsync(u => u.Contains("q="));
        await page.Locator(".card, .empty").First.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 30_000 });
        var seconds = clock.Elapsed.TotalSeconds;
        await page.Context.CloseAsync();
        return seconds;
    }

    public static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
