using Microsoft.EntityFrameworkCore;
using ResourceHub.Api.Media;
using ResourceHub.Data;
using ResourceHub.Domain.Jobs;
using ResourceHub.Domain.Resources;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Media;

/// <summary>The job state machine against a real database: claims, leases, retries and cancellation.</summary>
public abstract class MediaJobQueueTests(string provider) : IAsyncLifetime
{
    private readonly JobOptions _options = new() { LeaseSeconds = 30, BackoffSeconds = 10, MaxAttempts = 3 };
    private readonly ManualClock _clock = new();
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);
    public async Task DisposeAsync() => await _db.DisposeAsync();

    private MediaJobQueue Queue(ResourceHubDbContext db) => new(db, _options, _clock);

    private async Task<Guid> EnqueueAsync(Guid? resourceId = null)
    {
        await using var db = _db.CreateContext();
        var id = resourceId ?? Guid.NewGuid();
        if (resourceId is null)
            db.Resources.Add(new Resource { Id = id, Kind = "micro-lesson", Title = "微课", Subject = "math", Stage = "junior", OwnerOrg = "acme", CreatedBy = "alice" });
        await MediaJobQueue.EnqueueAsync(db, id, _options, _clock.GetUtcNow().UtcDateTime, default);
        await db.SaveChangesAsync();
        return id;
    }

    private async Task<List<MediaJob>> JobsAsync(Guid resourceId)
    {
        await using var db = _db.CreateContext();
        return await db.MediaJobs.AsNoTracking().Where(j => j.ResourceId == resourceId).OrderBy(j => j.CreatedAt).ToListAsync();
    }

    private async Task<MediaJob?> ClaimAsync(string owner)
    {
        await using var db = _db.CreateContext();
        return await Queue(db).ClaimAsync(owner, default);
    }

    protected async Task Claim_takes_a_queued_job_once()
    {
        var resource = await EnqueueAsync();
        var job = await ClaimAsync("w1");
        Assert.NotNull(job);
        Assert.Equal(resource, job.ResourceId);
        Assert.Equal(JobState.Running, job.State);
        Assert.Equal("w1", job.LeaseOwner);
        Assert.Equal(1, job.Attempts);
        Assert.Equal(_clock.Now.UtcDateTime + _options.Lease, job.LeaseUntil!.Value, TimeSpan.FromSeconds(1));
        Assert.Null(await ClaimAsync("w2"));
    }

    protected async Task Concurrent_workers_never_claim_one_job_twice()
    {
        for (var i = 0; i < 3; i++)
            await EnqueueAsync();
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => ClaimAsync($"w{i}"))));
        var won = claims.Where(c => c is not null).Select(c => c!.Id).ToList();
        Assert.Equal(won.Count, won.Distinct().Count());
        Assert.True(won.Count <= 3);
    }

    protected async Task Expired_lease_lets_another_worker_retry()
    {
        var resource = await EnqueueAsync();
        var first = (await ClaimAsync("crashed"))!;
        _clock.Advance(_options.Lease - TimeSpan.FromSeconds(1));
        Assert.Null(await ClaimAsync("w2"));
        _clock.Advance(TimeSpan.FromSeconds(2));
        var retry = await ClaimAsync("w2");
        Assert.Equal(first.Id, retry?.Id);
        Assert.Equal(2, retry!.Attempts);

        // The crashed worker, if it comes back, has lost the job.
        await using var db = _db.CreateContext();
        Assert.False(await Queue(db).HeartbeatAsync(first.Id, "crashed", new JobProgressSnapshot("mp4", 50, 10), default));
        Assert.True(await Queue(db).HeartbeatAsync(first.Id, "w2", new JobProgressSnapshot("mp4", 50, 10), default));
        var stored = Assert.Single(await JobsAsync(resource));
        Assert.Equal(("mp4", 50.0, 10.0), (stored.Stage, stored.Percent, stored.EtaSeconds!.Value));
    }

    protected async Task Heartbeat_extends_the_lease()
    {
        await EnqueueAsync();
        var job = (await ClaimAsync("w1"))!;
        _clock.Advance(_options.Lease * 0.9);
        await using (var db = _db.CreateContext())
            Assert.True(await Queue(db).HeartbeatAsync(job.Id, "w1", new JobProgressSnapshot("hls", 70, 3), default));
        _clock.Advance(_options.Lease * 0.9);
        Assert.Null(await ClaimAsync("w2"));
    }

    protected async Task Transient_failure_retries_with_exponential_backoff_then_fails()
    {
        var resource = await EnqueueAsync();
        var delays = new List<TimeSpan>();
        for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
        {
            var job = (await ClaimAsync("w1"))!;
            Assert.Equal(attempt, job.Attempts);
            await using var db = _db.CreateContext();
            var state = await Queue(db).FailAsync(job, "w1", "处理超时 (Timeout)", transient: true, default);
            var stored = Assert.Single(await JobsAsync(resource));
            Assert.Equal(state, stored.State);
            if (state == JobState.Failed)
                break;
            delays.Add(stored.NextRunAt - _clock.Now.UtcDateTime);
            Assert.Null(await ClaimAsync("w1"));
            _clock.Advance(stored.NextRunAt - _clock.Now.UtcDateTime);
        }
        Assert.Equal([TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20)], delays);
        var final = Assert.Single(await JobsAsync(resource));
        Assert.Equal(JobState.Failed, final.State);
        Assert.Equal(3, final.Attempts);
        Assert.Contains("处理超时", final.LastError);
    }

    protected async Task Deterministic_failure_fails_at_once()
    {
        var resource = await EnqueueAsync();
        var job = (await ClaimAsync("w1"))!;
        await using (var db = _db.CreateContext())
            Assert.Equal(JobState.Failed, await Queue(db).FailAsync(job, "w1", "文件不是可识别的视频 (NotMedia)", transient: false, default));
        _clock.Advance(TimeSpan.FromHours(2));
        Assert.Null(await ClaimAsync("w1"));
        var stored = Assert.Single(await JobsAsync(resource));
        Assert.Equal((JobState.Failed, 1), (stored.State, stored.Attempts));
        Assert.StartsWith("文件不是可识别的视频", stored.LastError);
    }

    protected async Task Worker_dying_on_the_last_attempt_fails_the_job()
    {
        var resource = await EnqueueAsync();
        for (var i = 0; i < _options.MaxAttempts; i++)
        {
            Assert.NotNull(await ClaimAsync($"crash{i}"));
            _clock.Advance(_options.Lease + TimeSpan.FromSeconds(1));
        }
        Assert.Null(await ClaimAsync("w-last"));
        var stored = Assert.Single(await JobsAsync(resource));
        Assert.Equal(JobState.Failed, stored.State);
        Assert.Equal(JobErrors.WorkerLost, stored.LastError);
    }

    protected async Task Postpone_keeps_the_attempt_and_the_message()
    {
        var resource = await EnqueueAsync();
        var job = (await ClaimAsync("w1"))!;
        await using (var db = _db.CreateContext())
            await Queue(db).PostponeAsync(job.Id, "w1", JobErrors.ToolMissing, TimeSpan.FromMinutes(1), default);
        var stored = Assert.Single(await JobsAsync(resource));
        Assert.Equal((JobState.Queued, 0, JobErrors.ToolMissing), (stored.State, stored.Attempts, stored.LastError));
        Assert.Null(await ClaimAsync("w1"));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await ClaimAsync("w1"))!.Attempts);
    }

    protected async Task Replacing_the_file_cancels_the_running_job_and_queues_a_new_one()
    {
        var resource = await EnqueueAsync();
        var running = (await ClaimAsync("w1"))!;
        await EnqueueAsync(resource);

        var jobs = await JobsAsync(resource);
        Assert.Equal(2, jobs.Count);
        Assert.Equal(JobState.Cancelled, jobs.Single(j => j.Id == running.Id).State);
        Assert.Equal(JobState.Queued, jobs.Single(j => j.Id != running.Id).State);
        await using var db = _db.CreateContext();
        Assert.False(await Queue(db).HeartbeatAsync(running.Id, "w1", new JobProgressSnapshot("mp4", 10, null), default));
        Assert.False(await Queue(db).CompleteAsync(running.Id, "w1", null, default));
    }
}

public sealed class SqliteMediaJobQueueTests() : MediaJobQueueTests(DatabaseOptions.Sqlite)
{
    [Fact] public Task Claim_once() => Claim_takes_a_queued_job_once();
    [Fact] public Task Concurrent_claims() => Concurrent_workers_never_claim_one_job_twice();
    [Fact] public Task Lease_expiry() => Expired_lease_lets_another_worker_retry();
    [Fact] public Task Heartbeat() => Heartbeat_extends_the_lease();
    [Fact] public Task Backoff() => Transient_failure_retries_with_exponential_backoff_then_fails();
    [Fact] public Task Deterministic() => Deterministic_failure_fails_at_once();
    [Fact] public Task Last_attempt_crash() => Worker_dying_on_the_last_attempt_fails_the_job();
    [Fact] public Task Postpone() => Postpone_keeps_the_attempt_and_the_message();
    [Fact] public Task Replace_cancels() => Replacing_the_file_cancels_the_running_job_and_queues_a_new_one();
}

[Trait("Provider", "postgres")]
public sealed class PostgresMediaJobQueueTests() : MediaJobQueueTests(DatabaseOptions.Postgres)
{
    [PostgresFact] public Task Claim_once() => Claim_takes_a_queued_job_once();
    [PostgresFact] public Task Concurrent_claims() => Concurrent_workers_never_claim_one_job_twice();
    [PostgresFact] public Task Lease_expiry() => Expired_lease_lets_another_worker_retry();
    [PostgresFact] public Task Heartbeat() => Heartbeat_extends_the_lease();
    [PostgresFact] public Task Backoff() => Transient_failure_retries_with_exponential_backoff_then_fails();
    [PostgresFact] public Task Deterministic() => Deterministic_failure_fails_at_once();
    [PostgresFact] public Task Last_attempt_crash() => Worker_dying_on_the_last_attempt_fails_the_job();
    [PostgresFact] public Task Postpone() => Postpone_keeps_the_attempt_and_the_message();
    [PostgresFact] public Task Replace_cancels() => Replacing_the_file_cancels_the_running_job_and_queues_a_new_one();
}
