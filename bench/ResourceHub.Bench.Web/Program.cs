using System.Globalization;
using ResourceHub.Bench.Web;

// Issue 12's figures for slow county lines, in Debian's chromium driven by Playwright against the real host:
// search results visible ≤ 3 s after Enter at 512 kbit/s with 300 ms RTT, and 720p playback starting ≤ 3 s
// after play at 2 Mbit/s with no stall over the first 60 s. Each is printed beside the same steps unthrottled
// in the same run. `--screenshots <dir>` writes the README's page screenshots instead.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var screenshots = args.SkipWhile(a => a != "--screenshots").Skip(1).FirstOrDefault();
var playSeconds = args.SkipWhile(a => a != "--play-seconds").Skip(1).Select(int.Parse).FirstOrDefault(60);

await using var site = await BenchSite.StartAsync(clipSeconds: screenshots is null ? playSeconds + 10 : 5);
if (screenshots is not null)
{
    await Screenshots.TakeAsync(site, screenshots);
    return 0;
}
Console.WriteLine($"load average at start: {BenchSite.LoadAverage()}");
var search = await SearchOnSlowLine.RunAsync(site);
var play = await PlaybackOnSlowLine.RunAsync(site, playSeconds);
Console.WriteLine($"load average at end: {BenchSite.LoadAverage()}");
return search && play ? 0 : 1;
