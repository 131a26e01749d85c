using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using ResourceHub.Data;
using ResourceHub.Domain.Jobs;

namespace ResourceHub.Api.Media;

/// <summary>
/// The durable job table's state machine. Every transition of a claimed job is a conditional UPDATE
/// on (state = running, lease owner = me), so a worker that lost its job (file replaced, lease
/// expired and taken over) finds out on its next write instead of overwriting someone else's.
/// </summary>
public sealed class MediaJobQueue(ResourceHubDbContext db, JobOptions options, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Cancels the resource's active job and adds a new one to <paramref name="db"/>'s change
    /// tracker: the caller's SaveChanges stores it together with the upload's metadata.
    /// </summary>
    public static async Task EnqueueAsync(ResourceHubDbContext db, Guid resourceId, JobOptions options, DateTime now, CancellationToken ct)
    {
        var active = await db.MediaJobs
            .Where(j => j.ResourceId == resourceId && (j.State == JobState.Queued || j.State == JobState.Running))
            .ToListAsync(ct);
        foreach (var job in active)
        {
            job.State = JobState.Cancelled;
            job.LeaseOwner = null;
            job.LeaseUntil = null;
            job.UpdatedAt = now;
        }
        db.MediaJobs.Add(new MediaJob
        {
            Id = Guid.NewGuid(),
            Kind = MediaJobKind.Media,
            ResourceId = resourceId,
            State = JobState.Queued,
            MaxAttempts = options.MaxAttempts,
            NextRunAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        });
    }

    /// <summary>Takes the next due job (queued, or running with an expired lease) for <paramref name="owner"/>; null when none.</summary>
    public async Task<MediaJob?> ClaimAsync(string owner, CancellationToken ct)
    {
        // A few rounds: losing a race to another worker just means trying the next candidate.
        for (var round = 0; round < 5; round++)
        {
            var now = Now;
            var candidate = await db.MediaJobs.AsNoTracking()
                .Where(j => (j.State == JobState.Queued && j.NextRunAt <= now)
                            || (j.State == JobState.Running && j.LeaseUntil < now))
                .OrderBy(j => j.NextRunAt).ThenBy(j => j.CreatedAt)
                .FirstOrDefaultAsync(ct);
            if (candidate is null)
                return null;
            if (candidate.State == JobState.Running && candidate.Attempts >= candidate.MaxAttempts)
            {
                // Its worker died on the last attempt: do not start it a fourth time.
                await IfUnchanged(candidate).ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.State, JobState.Failed)
                    .SetProperty(j => j.LastError, JobErrors.WorkerLost)
                    .Released(now), ct);
                continue;
            }
            var leaseUntil = now + options.Lease;
            var won = await IfUnchanged(candidate).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, JobState.Running)
                .SetProperty(j => j.LeaseOwner, owner)
                .SetProperty(j => j.LeaseUntil, leaseUntil)
                .SetProperty(j => j.Attempts, j => j.Attempts + 1)
                .SetProperty(j => j.Percent, 0.0)
                .SetProperty(j => j.EtaSeconds, (double?)null)
                .SetProperty(j => j.Stage, (string?)null)
                .SetProperty(j => j.UpdatedAt, now)
                .SetProperty(j => j.Version, j => j.Version + 1), ct);
            if (won == 1)
                return await db.MediaJobs.AsNoTracking().SingleAsync(j => j.Id == candidate.Id, ct);
        }
        return null;
    }

    /// <summary>Extends the lease and records progress; false when the job is no longer ours (cancelled or taken over).</summary>
    public async Task<bool> HeartbeatAsync(Guid jobId, string owner, JobProgressSnapshot progress, CancellationToken ct)
    {
        var now = Now;
        var leaseUntil = now + options.Lease;
        return await Owned(jobId, owner).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.LeaseUntil, leaseUntil)
            .SetProperty(j => j.Percent, progress.Percent)
            .SetProperty(j => j.EtaSeconds, progress.EtaSeconds)
            .SetProperty(j => j.Stage, progress.Stage)
            .SetProperty(j => j.UpdatedAt, now)
            .SetProperty(j => j.Version, j => j.Version + 1), ct) == 1;
    }

    /// <summary>
    /// Marks the job succeeded; call inside the transaction that records its renditions so both
    /// commit or neither. False when the job is no longer ours.
    /// </summary>
    /// <param name="note">Kept in LastError for the UI, e.g. "PDF previews unavailable on this host".</param>
    public async Task<bool> CompleteAsync(Guid jobId, string owner, string? note, CancellationToken ct)
    {
        var now = Now;
        return await Owned(jobId, owner).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, JobState.Succeeded)
            .SetProperty(j => j.Percent, 100.0)
            .SetProperty(j => j.EtaSeconds, 0.0)
            .SetProperty(j => j.Stage, "done")
            .SetProperty(j => j.LastError, note)
            .Released(now), ct) == 1;
    }

    /// <summary>
    /// A failed attempt: deterministic failures and the last attempt end the job; transient ones
    /// go back to the queue after an exponential backoff.
    /// </summary>
    public async Task<string> FailAsync(MediaJob job, string owner, string error, bool transient, CancellationToken ct)
    {
        var now = Now;
        var final = !transient || job.Attempts >= job.MaxAttempts;
        var state = final ? JobState.Failed : JobState.Queued;
        var nextRun = final ? now : now + options.Backoff(job.Attempts);
        await Owned(job.Id, owner).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, state)
            .SetProperty(j => j.LastError, error)
            .SetProperty(j => j.NextRunAt, nextRun)
            .SetProperty(j => j.EtaSeconds, (double?)null)
            .Released(now), ct);
        return state;
    }

    /// <summary>Back to the queue without using up an attempt: the host, not the file, is at fault (ffmpeg missing).</summary>
    public async Task PostponeAsync(Guid jobId, string owner, string? message, TimeSpan delay, CancellationToken ct)
    {
        var now = Now;
        var nextRun = now + delay;
        await Owned(jobId, owner).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, JobState.Queued)
            .SetProperty(j => j.Attempts, j => j.Attempts - 1)
            .SetProperty(j => j.LastError, message)
            .SetProperty(j => j.NextRunAt, nextRun)
            .Released(now), ct);
    }

    private IQueryable<MediaJob> IfUnchanged(MediaJob seen) =>
        db.MediaJobs.Where(j => j.Id == seen.Id && j.Version == seen.Version && j.State == seen.State);

    private IQueryable<MediaJob> Owned(Guid jobId, string owner) =>
        db.MediaJobs.Where(j => j.Id == jobId && j.State == JobState.Running && j.LeaseOwner == owner);
}

internal static class JobUpdates
{
    /// <summary>No worker holds the job any more; every write bumps Version so a pending claim of the old row loses.</summary>
    public static UpdateSettersBuilder<MediaJob> Released(this UpdateSettersBuilder<MediaJob> s, DateTime now) => s
        .SetProperty(j => j.LeaseOwner, (string?)null)
        .SetProperty(j => j.LeaseUntil, (DateTime?)null)
        .SetProperty(j => j.UpdatedAt, now)
        .SetProperty(j => j.Version, j => j.Version + 1);
}

/// <summary>What a heartbeat writes: the latest progress the pipeline reported.</summary>
public sealed record JobProgressSnapshot(string? Stage, double Percent, double? EtaSeconds);
