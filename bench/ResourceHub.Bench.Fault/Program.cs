// Load and faults: one API process and one worker process over one database and data folder, mixed traffic
// (search, read + Range download, upload, review) from a fixed number of clients while the worker is killed
// with SIGKILL and restarted; then, once the job queue drained, a consistency check of rows, files and jobs.
//   dotnet run -c Release --project bench/ResourceHub.Bench.Fault -- [--seconds 60] [--clients 6] [--kills 1] [--upload-every-ms 300] [--video-every 6] [--postgres]
//     [--warmup 15] [--warmup-max 90]: warm-up lasts at least --warmup seconds, then until the API's RSS settles.
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using ResourceHub.Api.Identity;
using ResourceHub.Bench.Fault;
using ResourceHub.Data;
using ResourceHub.Domain.Jobs;
using ResourceHub.Domain.Resources;
using ResourceHub.Testing;

var seconds = Option("--seconds", 60);
var clients = Option("--clients", 6);
var kills = Option("--kills", 1);
var warmupSeconds = Option("--warmup", Math.Clamp(seconds / 4, 5, 15));
var warmupMaxSeconds = Option("--warmup-max", 90);
var drainSeconds = Option("--drain-seconds", 300);
var uploadEveryMs = Option("--upload-every-ms", 300);
var videoEvery = Option("--video-every", 6);
var provider = args.Contains("--postgres") ? DatabaseOptions.Postgres : DatabaseOptions.Sqlite;

var work = Directory.CreateTempSubdirectory("rh-bench-fault-").FullName;
var workerTemp = Directory.CreateDirectory(Path.Combine(work, "worker-tmp")).FullName;
var total = Stopwatch.StartNew();
await using var database = await TestDatabase.CreateAsync(provider);
var settings = new Dictionary<string, string>
{
    ["ResourceHub:DataDir"] = database.DataDir,
    ["ResourceHub:Database:Provider"] = database.Provider,
    ["ResourceHub:Database:ConnectionString"] = database.ConnectionString,
    // A killed worker's jobs come back within seconds, not the production minute.
    ["ResourceHub:Jobs:LeaseSeconds"] = "10",
    ["ResourceHub:Jobs:HeartbeatSeconds"] = "2",
    ["ResourceHub:Jobs:PollSeconds"] = "0.5",
    ["ResourceHub:Jobs:BackoffSeconds"] = "5",
};
var apiSettings = new Dictionary<string, string>(settings) { ["ResourceHub:DemoData"] = "true" };
var workerSettings = new Dictionary<string, string>(settings) { ["TMPDIR"] = workerTemp };
Console.WriteLine($"Fault bench: {provider}, {seconds} s of traffic from {clients} clients after a warm-up of {warmupSeconds}–{warmupMaxSeconds} s, worker killed {kills}×; work dir {work}");

var files = new UploadFiles([Clip.Video(work, 2), Clip.Video(work, 3), Clip.Video(work, 4)], Clip.Png(work));
using var api = ServiceProcess.Start("api", FreePort(), apiSettings);
await api.WaitReadyAsync(TimeSpan.FromMinutes(3));
var worker = ServiceProcess.Start("worker", FreePort(), workerSettings);
await worker.WaitReadyAsync(TimeSpan.FromMinutes(2));
var rssStart = api.RssBytes();

var callers = await CallersAsync(database);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
var samples = new Samples();
var traffic = new Traffic(http, callers, files, samples, new Pace(TimeSpan.FromMilliseconds(uploadEveryMs)), new Pace(TimeSpan.FromSeconds(videoEvery)));
await using (var db = database.CreateContext())
    traffic.AddPublished((await db.Resources.AsNoTracking().Where(r => r.Status == ResourceStatus.Published).ToListAsync())
        .Where(r => r.File is not null).Select(r => r.Id));

var rssWarm = await WarmUpAsync();
var workerRssWarm = worker.RssBytes();

// The measured run, with the worker killed at 1/3 and restarted at 1/2 (a second time at 2/3 and 5/6).
samples.Recording = true;
var peak = new PeakRss();
using var sampling = new CancellationTokenSource();
var sampler = Task.Run(async () =>
{
    while (!sampling.IsCancellationRequested)
    {
        peak.Observe(api.RssBytes(), worker.RssBytes());
        try { await Task.Delay(250, sampling.Token); } catch (OperationCanceledException) { }
    }
});
var run = Stopwatch.StartNew();
var faults = new List<string>();
var schedule = Task.Run(async () =>
{
    (double Kill, double Restart)[] plan = [(1 / 3.0, 1 / 2.0), (2 / 3.0, 5 / 6.0)];
    foreach (var (kill, restart) in plan.Take(kills))
    {
        await Until(kill);
        var running = await RunningJobsAsync(database);
        var ffmpeg = Children(worker, "ffmpeg");
        worker.KillNine();
        faults.Add($"worker killed (SIGKILL) at {run.Elapsed.TotalSeconds:F1} s with {running} job(s) running, {ffmpeg} ffmpeg child(ren)");
        await Until(restart);
        worker.Dispose();
        worker = ServiceProcess.Start("worker", FreePort(), workerSettings);
        faults.Add($"worker restarted at {run.Elapsed.TotalSeconds:F1} s");
    }
});
await traffic.RunAsync(clients, TimeSpan.FromSeconds(seconds), seed: 2);
samples.Recording = false;
await schedule;
var trafficSeconds = run.Elapsed.TotalSeconds;

// Drain: the restarted worker finishes (or retries) everything queued; then let the API idle a little.
var drain = Stopwatch.StartNew();
int active;
while ((active = await ActiveJobsAsync(database)) > 0 && drain.Elapsed < TimeSpan.FromSeconds(drainSeconds))
    await Task.Delay(500);
var drained = drain.Elapsed.TotalSeconds;
await Task.Delay(TimeSpan.FromSeconds(5));
sampling.Cancel();
await sampler;
var rssEnd = api.RssBytes();
var workerRssEnd = worker.RssBytes();

var consistency = await Consistency.CheckAsync(database, http, callers.Admin, workerTemp);
Report.Print(samples, trafficSeconds, faults, active, drained, consistency,
    new RssFigures(rssStart, rssWarm, peak.Api, rssEnd, workerRssWarm, peak.Worker, workerRssEnd),
    api.Problems.Concat(worker.Problems).ToList());
Console.WriteLine($"total bench time {total.Elapsed.TotalSeconds:F0} s");
worker.Dispose();
try { Directory.Delete(work, recursive: true); } catch (IOException) { }
return Report.Passed ? 0 : 1;

// The same mix in 5 s slices until the API's RSS moved less than 3 % over the last 15 s: JIT, pools, caches and the
// GC's heap sizing have then reached their working size, so "post-warm-up" is a level rather than a point on the way up.
async Task<long> WarmUpAsync()
{
    var clock = Stopwatch.StartNew();
    var levels = new List<long> { api.RssBytes() };
    for (var seed = 1; ; seed++)
    {
        await traffic.RunAsync(clients, TimeSpan.FromSeconds(5), seed);
        var now = api.RssBytes();
        levels.Add(now);
        var before = levels[Math.Max(0, levels.Count - 4)];
        var change = (now - before) / (double)before;
        var settled = clock.Elapsed.TotalSeconds >= warmupSeconds && levels.Count >= 4 && Math.Abs(change) < 0.03;
        if (settled || clock.Elapsed.TotalSeconds >= warmupMaxSeconds)
        {
            Console.WriteLine($"warm-up {clock.Elapsed.TotalSeconds:F0} s: API RSS {now / 1048576.0:F1} MB, {change:+0.0%;-0.0%} over the last 15 s"
                + (settled ? " (settled)" : $" (not settled within {warmupMaxSeconds} s)"));
            return now;
        }
    }
}

async Task Until(double fraction)
{
    var wait = TimeSpan.FromSeconds(seconds * fraction) - run.Elapsed;
    if (wait > TimeSpan.Zero)
        await Task.Delay(wait);
}

int Option(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).DefaultIfEmpty(fallback).First();

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static async Task<int> ActiveJobsAsync(TestDatabase database)
{
    await using var db = database.CreateContext();
    return await db.MediaJobs.CountAsync(j => j.State == JobState.Queued || j.State == JobState.Running);
}

static async Task<int> RunningJobsAsync(TestDatabase database)
{
    await using var db = database.CreateContext();
    return await db.MediaJobs.CountAsync(j => j.State == JobState.Running);
}

static int Children(ServiceProcess parent, string name) =>
    Directory.EnumerateDirectories("/proc").Count(dir =>
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(dir, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1]) == parent.Id && File.ReadAllText(Path.Combine(dir, "comm")).Trim() == name;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { return false; }
    });

// Tokens signed with the key the API keeps in its database.
static async Task<Callers> CallersAsync(TestDatabase database)
{
    await using var db = database.CreateContext();
    var issuer = new TokenIssuer(await LocalSigningKey.LoadOrCreateAsync(db, database.DataDir), new IdentityOptions());
    return new Callers(
        Teacher: issuer.Issue("wang.fang", "teacher", "bh-no1"),
        Contributor: issuer.Issue("li.ming", "teacher", "bh-no1"),
        Vendors: [issuer.Issue("alice", "vendor", "acme"), issuer.Issue("bench.lumen", "vendor", "lumen")],
        Expert1: issuer.Issue("zhang.expert", "expert", "hf-edu", subjects: ["math"]),
        Expert2: issuer.Issue("chen.expert", "expert", "ah-edu", subjects: ["math"]),
        Admin: issuer.Issue("province.admin", "admin", "ah-edu"));
}
