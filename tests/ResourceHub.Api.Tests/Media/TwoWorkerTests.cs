using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResourceHub.Blobs;
using ResourceHub.Data;
using ResourceHub.Domain.Jobs;
using ResourceHub.Testing;
using static ResourceHub.Api.Tests.Media.MediaApi;

namespace ResourceHub.Api.Tests.Media;

/// <summary>
/// Scale-out: two `worker` processes on one PostgreSQL job table. Every job is claimed once, done once,
/// by one of them, and each resource ends with one rendition set.
/// </summary>
public sealed partial class TwoWorkerTests : IAsyncLifetime, IDisposable
{
    private static readonly Dictionary<string, string> WorkerSettings = new()
    {
        ["ResourceHub:Jobs:PollSeconds"] = "0.2",
        ["ResourceHub:DemoData"] = "false",
        ["ResourceHub:Search:Indexer:Enabled"] = "false", // not under test here; keeps the processes light
    };

    private readonly TestClips _clips = new();
    private TestDatabase _db = null!;
    private ApiFactory _api = null!;

    public async Task InitializeAsync()
    {
        if (TestEnvironment.PostgresSkipReason is not null)
            return;
        _db = await TestDatabase.CreateAsync(DatabaseOptions.Postgres);
        // This host only takes the uploads; the two child processes do the media work.
        _api = await ApiFactory.StartAsync(_db, new Dictionary<string, string?> { ["ResourceHub:Role"] = "api" });
    }

    public async Task DisposeAsync()
    {
        if (_api is not null)
            await _api.DisposeAsync();
        if (_db is not null)
            await _db.DisposeAsync();
    }

    public void Dispose() => _clips.Dispose();

    [PostgresFact]
    public async Task Two_worker_processes_do_every_job_exactly_once()
    {
        var vendor = _api.ClientAs("alice", "vendor", "acme");
        var png = await File.ReadAllBytesAsync(_clips.Png());
        var resources = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            var id = await CreateAsync(vendor);
            await UploadAsync(vendor, id, png, "image/png", $"板书{i}.png");
            resources.Add(id);
        }
        // Hold the jobs back until both processes poll, so they compete for every one of them.
        await SetDueAsync(DateTime.UtcNow.AddDays(1));
        using var first = WorkerProcess.Start(_db, WorkerSettings);
        using var second = WorkerProcess.Start(_db, WorkerSettings);
        await Task.WhenAll(first.WaitStartedAsync(TimeSpan.FromSeconds(60)), second.WaitStartedAsync(TimeSpan.FromSeconds(60)));
        await SetDueAsync(DateTime.UtcNow);

        var jobs = await WaitAllEndedAsync(resources.Count, [first, second], TimeSpan.FromSeconds(90));
        Assert.All(jobs, j => Assert.Equal(JobState.Succeeded, j.State));
        Assert.All(jobs, j => Assert.Equal(1, j.Attempts)); // claimed once: no second worker ever started it

        // Each process logs the jobs it finished; together they name every job exactly once.
        var byFirst = Finished(first);
        var bySecond = Finished(second);
        Assert.Empty(byFirst.Intersect(bySecond));
        Assert.Equal(jobs.Select(j => j.Id).Order(), byFirst.Concat(bySecond).Order());
        Assert.NotEmpty(byFirst);
        Assert.NotEmpty(bySecond);

        // One rendition set per resource: one row per kind, one folder, no blobs outside it.
        await using var db = _db.CreateContext();
        var blobs = _api.Services.GetRequiredService<IBlobStore>();
        foreach (var id in resources)
        {
            var renditions = await db.Renditions.AsNoTracking().Where(r => r.ResourceId == id).ToListAsync();
            Assert.NotEmpty(renditions);
            Assert.Equal(renditions.Count, renditions.Select(r => r.Kind).Distinct().Count());
            var prefix = Assert.Single(renditions.Select(r => r.BlobPrefix).Distinct());
            var keys = await blobs.ListAsync($"resources/{id:D}/renditions/").Select(b => b.Key).ToListAsync();
            Assert.NotEmpty(keys);
            Assert.All(keys, k => Assert.StartsWith(prefix, k));
        }
    }

    private async Task SetDueAsync(DateTime at)
    {
        await using var db = _db.CreateContext();
        await db.MediaJobs.ExecuteUpdateAsync(s => s.SetProperty(j => j.NextRunAt, at));
    }

    private static List<Guid> Finished(WorkerProcess worker) =>
        worker.Output.Select(l => SucceededLine().Match(l)).Where(m => m.Success).Select(m => Guid.Parse(m.Groups[1].Value)).ToList();

    [GeneratedRegex(@"Media job ([0-9a-f-]{36}): succeeded")]
    private static partial Regex SucceededLine();

    private async Task<List<MediaJob>> WaitAllEndedAsync(int count, WorkerProcess[] workers, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await using var db = _db.CreateContext();
            var jobs = await db.MediaJobs.AsNoTracking().ToListAsync();
            if (jobs.Count == count && jobs.All(j => j.State is JobState.Succeeded or JobState.Failed))
                return jobs;
            Assert.All(workers, w => Assert.False(w.HasExited, "a worker process exited on its own"));
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("jobs still open: " + string.Join(", ", jobs.Select(j => $"{j.State} {j.Percent}% {j.LastError}")));
            await Task.Delay(200);
        }
    }
}
