using System.Text.Json;
using Microsoft.Playwright;

namespace ResourceHub.Bench.Web;

/// <summary>
/// A teacher on a 2 Mbit/s line (100 ms round trips) opens the lesson's page and presses play; the page's own
/// player decides MP4 or the HLS ladder (hls.js in chromium). Measured in the page: play → the first frame
/// advancing (currentTime > 0), then every stall (`waiting`) until the given number of media seconds has played.
/// </summary>
public static class PlaybackOnSlowLine
{
    private const double StartGoalSeconds = 3.0;

    public static async Task<bool> RunAsync(BenchSite site, int playSeconds)
    {
        var signedIn = await site.SignedInAsync();
        var baseline = await PlayAsync(site, signedIn, throttle: false, playSeconds: 5);
        var slow = await PlayAsync(site, signedIn, throttle: true, playSeconds);
        Console.WriteLine("playback, play → playing, then stalls:");
        Console.WriteLine($"  unthrottled (baseline):  start {baseline.StartSeconds:F2} s, {baseline.Height}p ({baseline.Source})");
        Console.WriteLine($"  2 Mbit/s, 100 ms RTT:    start {slow.StartSeconds:F2} s ({slow.StartSeconds / Math.Max(baseline.StartSeconds, 0.01):F1}× baseline), " +
                          $"{slow.Height}p at the end, {slow.Stalls} stall(s) totalling {slow.StalledSeconds:F2} s (at {(slow.StallsAt.Length == 0 ? "-" : slow.StallsAt)} s) over {slow.PlayedSeconds:F0} s played, " +
                          $"{slow.Wall:F0} s wall ({slow.Source})");
        var startPass = slow.StartSeconds <= StartGoalSeconds;
        var stallPass = slow.Stalls == 0 && slow.PlayedSeconds >= playSeconds - 0.5;
        Console.WriteLine($"  {(startPass ? "PASS" : "FAIL")}: start {slow.StartSeconds:F2} s (goal ≤ {StartGoalSeconds:F0} s)");
        Console.WriteLine($"  {(stallPass ? "PASS" : "FAIL")}: {slow.Stalls} stall(s) in the first {slow.PlayedSeconds:F0} s (goal 0 in {playSeconds} s)");
        return startPass && stallPass;
    }

    private sealed record Playback(double StartSeconds, int Stalls, double StalledSeconds, double PlayedSeconds, int Height, double Wall,
        int ReadyStateAtPlay, double BufferedAtPlay, bool Hls, string StallsAt, string NativeHls, bool Ladder)
    {
        public string Source => $"{(Hls ? "HLS ladder" : "720p MP4")}; ladder {(Ladder ? "offered" : "absent")}, native HLS '{NativeHls}'; " +
                                $"readyState {ReadyStateAtPlay} with {BufferedAtPlay:F1} s buffered at play";
    }

    private static async Task<Playback> PlayAsync(BenchSite site, IPage signedIn, bool throttle, int playSeconds)
    {
        var page = await site.ColdPageAsync(signedIn);
        if (throttle)
            await BenchSite.ThrottleAsync(page, kilobitsPerSecond: 2000, roundTripMs: 100);
        // Play as soon as the player is in the page (DOM ready), before the browser has preloaded much of it.
        await page.GotoAsync($"/resources/{site.LessonId}", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.WaitForSelectorAsync("#player", new() { State = WaitForSelectorState.Attached });
        var json = await page.EvaluateAsync<string>("""
            async (playSeconds) => {
              const v = document.getElementById('player');
              const t0 = performance.now();
              const ready0 = v.readyState, buffered0 = v.buffered.length ? v.buffered.end(0) : 0;
              let started = null, stalls = 0, stalledMs = 0, stallAt = null; const at = [];
              // Started = the first frame actually advancing (Chromium may fire 'playing' before any data arrives).
              v.addEventListener('timeupdate', () => { if (started === null && v.currentTime > 0) started = performance.now(); });
              v.addEventListener('playing', () => {
                if (stallAt !== null) { stalledMs += performance.now() - stallAt; stallAt = null; }
              });
              v.addEventListener('waiting', () => { if (started !== null && stallAt === null) { stalls++; stallAt = performance.now(); at.push(v.currentTime.toFixed(1)); } });
              v.muted = true;
              v.play().catch(() => {});
              const limit = t0 + (playSeconds * 3 + 60) * 1000;
              await new Promise(resolve => {
                const check = () => (v.currentTime >= playSeconds || v.ended || performance.now() > limit) ? resolve() : setTimeout(check, 250);
                check();
              });
              if (stallAt !== null) stalledMs += performance.now() - stallAt;
              return JSON.stringify({ start: started === null ? -1 : (started - t0) / 1000, stalls, stalled: stalledMs / 1000,
                played: v.currentTime, height: v.videoHeight, wall: (performance.now() - t0) / 1000, ready0, buffered0,
                hls: v.currentSrc.startsWith('blob:') || v.currentSrc.includes('.m3u8'), at: at.join(','),
                native: v.canPlayType('application/vnd.apple.mpegurl'), ladder: !!v.dataset.hls });
            }
            """, playSeconds);
        await page.Context.CloseAsync();
        var r = JsonDocument.Parse(json).RootElement;
        return new Playback(r.GetProperty("start").GetDouble(), r.GetProperty("stalls").GetInt32(), r.GetProperty("stalled").GetDouble(),
            r.GetProperty("played").GetDouble(), r.GetProperty("height").GetInt32(), r.GetProperty("wall").GetDouble(),
            r.GetProperty("ready0").GetInt32(), r.GetProperty("buffered0").GetDouble(), r.GetProperty("hls").GetBoolean(), r.GetProperty("at").GetString()!,
            r.GetProperty("native").GetString()!, r.GetProperty("ladder").GetBoolean());
    }
}
