using ResourceHub.Domain.Jobs;
using ResourceHub.Media.Pipeline;

namespace ResourceHub.Api.Media;

/// <summary>
/// Runs media jobs one at a time: claim with a lease, process while a heartbeat keeps the lease
/// (and notices cancellation), publish the renditions, or record the failure.
/// </summary>
public sealed class MediaWorker(IServiceScopeFactory scopes, JobOptions options, ILogger<MediaWorker> logger) : BackgroundService
{
    /// <summary>Unique per process: a restarted worker must not pass for the one that died.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await SweepStaleWorkFoldersAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await RunNextAsync(stoppingToken))
                    await Task.Delay(options.Poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be briefly unreachable; keep the worker alive and try again.
                logger.LogError(e, "Media worker loop failed");
                await Task.Delay(options.Poll, stoppingToken);
            }
        }
    }

    /// <returns>False when there was nothing to do.</returns>
    public async Task<bool> RunNextAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<MediaJobQueue>();
        var job = await queue.ClaimAsync(Owner, stoppingToken);
        if (job is null)
            return false;
        logger.LogInformation("Media job {Job} for resource {Resource}: attempt {Attempt}", job.Id, job.ResourceId, job.Attempts);

        using var jobCancel = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var progress = new LatestProgress();
        using var heartbeatStop = new CancellationTokenSource();
        var heartbeat = HeartbeatAsync(job.Id, progress, jobCancel, heartbeatStop.Token);
        var workDir = WorkFolders.Create(job.Id);
        try
        {
            var media = await scope.ServiceProvider.GetRequiredService<MediaJobProcessor>().ProcessAsync(job, workDir, progress, jobCancel.Token);
            // The heartbeat keeps running while a long lesson's segments upload, so the lease holds.
            var published = await scope.ServiceProvider.GetRequiredService<RenditionPublisher>().PublishAsync(job, Owner, media, jobCancel.Token);
            logger.LogInformation("Media job {Job}: {Outcome}", job.Id, published ? "succeeded" : "superseded");
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: hand the job back now rather than after the lease runs out.
            await queue.PostponeAsync(job.Id, Owner, job.LastError, TimeSpan.Zero, CancellationToken.None);
            throw;
        }
        catch (OperationCanceledException)
        {
            logger.LogInformation("Media job {Job} stopped: the file was replaced or the lease was lost", job.Id);
        }
        catch (MediaProcessingException e) when (e.Error.Code == MediaErrorCode.ToolMissing)
        {
            logger.LogWarning("Media job {Job} waits: {Error}", job.Id, e.Message);
            await queue.PostponeAsync(job.Id, Owner, JobErrors.ToolMissing, options.ToolMissingRetry, CancellationToken.None);
        }
        catch (MediaProcessingException e)
        {
            var state = await queue.FailAsync(job, Owner, JobErrors.For(e.Error), e.IsTransient, CancellationToken.None);
            logger.LogWarning("Media job {Job} failed ({State}): {Error}", job.Id, state, e.Message);
        }
        catch (Exception e)
        {
            var state = await queue.FailAsync(job, Owner, JobErrors.Unexpected(e), transient: true, CancellationToken.None);
            logger.LogError(e, "Media job {Job} failed unexpectedly ({State})", job.Id, state);
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await heartbeat;
            WorkFolders.TryDelete(new DirectoryInfo(workDir));
        }
        return true;
    }

    /// <summary>Extends the lease and stores progress; cancels the job when the row says it is no longer ours.</summary>
    private async Task HeartbeatAsync(Guid jobId, LatestProgress progress, CancellationTokenSource jobCancel, CancellationToken stop)
    {
        // Its own scope: the job's DbContext is busy on another thread.
        await using var scope = scopes.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<MediaJobQueue>();
        using var timer = new PeriodicTimer(options.Heartbeat);
        try
        {
            do
            {
                try
                {
                    if (!await queue.HeartbeatAsync(jobId, Owner, progress.Snapshot, stop))
                    {
                        await jobCancel.CancelAsync();
                        return;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Heartbeat for media job {Job} failed", jobId);
                }
            } while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>What a killed worker left in the temp folder; never fatal.</summary>
    private async Task SweepStaleWorkFoldersAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var swept = await scope.ServiceProvider.GetRequiredService<WorkFolders>().SweepStaleAsync(WorkFolders.Root, options.Lease, ct);
            if (swept > 0)
                logger.LogInformation("Removed {Count} work folder(s) left by stopped media workers", swept);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Sweeping stale media work folders failed");
        }
    }

    /// <summary>The pipeline reports often; the heartbeat writes only the latest report.</summary>
    private sealed class LatestProgress : IProgress<MediaProgress>
    {
        private volatile JobProgressSnapshot _snapshot = new(null, 0, null);
        public JobProgressSnapshot Snapshot => _snapshot;

        public void Report(MediaProgress value) =>
            _snapshot = new JobProgressSnapshot(value.Stage.ToString().ToLowerInvariant(), value.Percent, value.Eta?.TotalSeconds);
    }
}
