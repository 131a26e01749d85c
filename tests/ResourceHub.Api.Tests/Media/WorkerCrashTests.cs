using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResourceHub.Blobs;
using ResourceHub.Data;
using ResourceHub.Domain.Jobs;
using ResourceHub.Testing;
using static ResourceHub.Api.Tests.Media.MediaApi;

namespace ResourceHub.Api.Tests.Media;

/// <summary>
/// A worker killed mid-transcode: its ffmpeg dies with it, the job shows as waiting for retry once the lease ran out,
/// a restarted worker removes the left work folder and finishes the job.
/// </summary>
public sealed class WorkerCrashTests : IAsyncLifetime, IDisposable
{
    private static readonly Dictionary<string, string> WorkerSettings = new()
    {
        ["ResourceHub:Jobs:LeaseSeconds"] = "3",
        ["ResourceHub:Jobs:HeartbeatSeconds"] = "0.5",
        ["ResourceHub:Jobs:PollSeconds"] = "0.2",
        ["ResourceHub:DemoData"] = "false",
    };

    private readonly TestClips _clips = new();
    // The workers' TMPDIR: where their work folders go.
    private readonly string _temp = Directory.CreateTempSubdirectory("rh-test-worker-tmp-").FullName;
    private TestDatabase _db = null!;
    private ApiFactory _api = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        // This host only takes the upload; the child process does the media work.
        _api = await ApiFactory.StartAsync(_db, new Dictionary<string, string?> { ["ResourceHub:Role"] = "api" });
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _db.DisposeAsync();
    }

    public void Dispose()
    {
        _clips.Dispose();
        Directory.Delete(_temp, recursive: true);
    }

    [Fact]
    public async Task Killed_worker_job_is_retried_and_leaves_one_rendition_set()
    {
        var vendor = _api.ClientAs("alice", "vendor", "acme");
        var id = await CreateAsync(vendor);
        await UploadAsync(vendor, id, await File.ReadAllBytesAsync(_clips.Video(seconds: 6)), "video/mp4", "课堂实录.mp4");

        var settings = new Dictionary<string, string>(WorkerSettings) { ["TMPDIR"] = _temp };
        int[] encoders;
        string folder;
        using (var first = WorkerProcess.Start(_db, settings))
        {
            var running = await WaitForAsync(id, j => j is { State: JobState.Running, Percent: > 0 and < 100 }, first);
            Assert.Equal(1, running.Attempts);
            encoders = [.. await EventuallyAsync(() => first.Children("ffmpeg"), c => c.Count > 0)];
            folder = Assert.Single(Directory.GetDirectories(_temp, "rh-media-*"));
            first.KillAlone(); // kill -9 of the worker only: ffmpeg must not go on encoding as an orphan
        }
        await EventuallyAsync(() => encoders.Where(pid => WorkerProcess.ParentOf(pid) != -1).ToList(), alive => alive.Count == 0, TimeSpan.FromSeconds(5));
        var orphan = await JobAsync(id);
        Assert.Equal(JobState.Running, orphan.State); // nobody handed it back: only the lease can free it
        Assert.True(Directory.Exists(folder)); // left behind by the killed worker

        // Once the lease lapsed, readers see a job waiting for its retry, not "running 55 %".
        await Task.Delay(orphan.LeaseUntil!.Value - DateTime.UtcNow + TimeSpan.FromMilliseconds(200));
        var shown = Assert.Single(await ListAsync(vendor, $"/odata/Resources({id})/Jobs"));
        Assert.Equal(JobState.Queued, shown.GetProperty("State").GetString());
        Assert.Equal(1, shown.GetProperty("Attempts").GetInt64());
        Assert.Equal(0, shown.GetProperty("Percent").GetDouble());

        using (var second = WorkerProcess.Start(_db, settings))
        {
            await second.WaitStartedAsync(TimeSpan.FromSeconds(60));
            // Swept at start: the sweep runs before the worker's first claim, but may finish just after the host
            // logs that it started; nothing else removes an old attempt's folder.
            await EventuallyAsync(() => Directory.Exists(folder), exists => !exists);
            var done = await WaitForAsync(id, j => j.State is JobState.Succeeded or JobState.Failed, second, TimeSpan.FromSeconds(150));
            Assert.Equal(JobState.Succeeded, done.State);
            Assert.Equal(2, done.Attempts);
            await EventuallyAsync(() => Directory.GetDirectories(_temp, "rh-media-*"), left => left.Length == 0); // its own, once finished
        }

        var renditions = await ListAsync(vendor, $"/odata/Resources({id})/Renditions");
        Assert.Equal(["hls", "mp4-720p", "poster", "thumbnail"], renditions.Select(r => r.GetProperty("Kind").GetString()).Order());
        await using var db = _db.CreateContext();
        var prefix = Assert.Single(await db.Renditions.Select(r => r.BlobPrefix).Distinct().ToListAsync());
        var keys = await _api.Services.GetRequiredService<IBlobStore>().ListAsync($"resources/{id:D}/renditions/").Select(b => b.Key).ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.StartsWith(prefix, k));
    }

    private async Task<MediaJob> JobAsync(Guid resourceId)
    {
        await using var db = _db.CreateContext();
        return await db.MediaJobs.AsNoTracking().SingleAsync(j => j.ResourceId == resourceId);
    }

    private async Task<MediaJob> WaitForAsync(Guid resourceId, Func<MediaJob, bool> condition, WorkerProcess worker, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            var job = await JobAsync(resourceId);
            if (condition(job))
                return job;
            Assert.False(worker.HasExited, "the worker process exited on its own");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"job {job.Id} stuck in {job.State} at {job.Percent}%: {job.LastError}");
            await Task.Delay(100);
        }
    }

    private static async Task<T> EventuallyAsync<T>(Func<T> read, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var value = read();
            if (done(value))
                return value;
            Assert.True(DateTime.UtcNow < deadline, $"still {value} after {timeout ?? TimeSpan.FromSeconds(10)}");
            await Task.Delay(50);
        }
    }
}
