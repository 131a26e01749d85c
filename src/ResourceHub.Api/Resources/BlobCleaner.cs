using Microsoft.EntityFrameworkCore;
using ResourceHub.Api.Hosting;
using ResourceHub.Api.Resources.Uploads;
using ResourceHub.Blobs;
using ResourceHub.Data;
using ResourceHub.Data.Coordination;
using ResourceHub.Domain.Jobs;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Api.Resources;

/// <summary>ResourceHub:Blobs:Cleanup — when orphaned blobs are deleted.</summary>
public sealed class BlobCleanupOptions
{
    public const string Section = "ResourceHub:Blobs:Cleanup";

    /// <summary>How long an orphaned blob is kept: a download or a cancelled media job may still be reading it.</summary>
    public double GraceSeconds { get; set; } = 600;
    public double PollSeconds { get; set; } = 30;
    /// <summary>How often leftovers of killed uploads are swept (see SweepAbandonedUploadsAsync).</summary>
    public double SweepSeconds { get; set; } = 600;
    /// <summary>How long an upload may take before its blob counts as abandoned (see <see cref="PendingBlobs"/>).</summary>
    public double UploadWindowSeconds { get; set; } = 24 * 3600;
    public int BatchSize { get; set; } = 50;
    /// <summary>First retry delay after a failed deletion; doubles per attempt, capped at an hour.</summary>
    public double BackoffSeconds { get; set; } = 30;
}

/// <summary>
/// Deletes blobs recorded in <see cref="BlobCleanup"/> rows once their grace period has passed. The
/// database decides: a key some row still refers to is kept, and a resource folder only goes once the
/// resource is gone. A failed deletion stays queued with a backoff.
/// </summary>
public sealed class BlobCleaner(IServiceScopeFactory scopes, BlobCleanupOptions options, TimeProvider clock, ILogger<BlobCleaner> logger)
    : BackgroundService
{
    public const string LeaseName = "blob-cleaner";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // One cleaner across all workers: two would race on the same rows.
        var lease = new LeaseHolder(scopes, LeaseName);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var handled = 0;
                    if (await lease.RunAsync(async ct => handled = await SweepIfDueAsync(ct) + await RunOnceAsync(ct), stoppingToken) && handled > 0)
                        continue;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning("Blob cleanup pass failed, retrying: {Error}", e.Message);
                }
                await Task.Delay(TimeSpan.FromSeconds(options.PollSeconds), clock, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
        finally
        {
            await lease.ReleaseAsync();
        }
    }

    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    private async Task<int> SweepIfDueAsync(CancellationToken ct)
    {
        if (clock.GetUtcNow() < _nextSweep)
            return 0;
        _nextSweep = clock.GetUtcNow().AddSeconds(options.SweepSeconds);
        await SweepAbandonedUploadsAsync(ct);
        return 0; // not rows: the poll delay still applies
    }

    /// <summary>
    /// Removes what killed uploads left (local "~….tmp" files, incomplete S3 multipart uploads) once nothing was
    /// written to them for the grace period; a live upload keeps writing. Runs at start and every SweepSeconds.
    /// </summary>
    public async Task<int> SweepAbandonedUploadsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var swept = await scope.ServiceProvider.GetRequiredService<IBlobStore>()
            .SweepAbandonedUploadsAsync(clock.GetUtcNow().AddSeconds(-options.GraceSeconds), ct);
        if (swept > 0)
            logger.LogInformation("Swept {Count} abandoned temporary upload(s)", swept);
        return swept;
    }

    /// <summary>Handles one batch of due rows (and of expired upload sessions); returns how many it handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResourceHubDbContext>();
        var blobs = scope.ServiceProvider.GetRequiredService<IBlobStore>();
        var now = clock.GetUtcNow().UtcDateTime;
        var dueBefore = now.AddSeconds(-options.GraceSeconds);
        var swept = await UploadSessionSweeper.SweepAsync(db, now, options.BatchSize, ct);
        var due = await db.BlobCleanups.Where(c => c.NotBefore <= dueBefore).OrderBy(c => c.NotBefore).Take(options.BatchSize).ToListAsync(ct);
        foreach (var cleanup in due)
        {
            try
            {
                if (!await StillReferencedAsync(db, cleanup, ct))
                {
                    if (cleanup.IsPrefix)
                        await blobs.DeletePrefixAsync(cleanup.Key, ct);
                    else
                        await blobs.DeleteAsync(cleanup.Key, ct);
                }
                db.BlobCleanups.Remove(cleanup);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                cleanup.Attempts++;
                cleanup.LastError = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
                cleanup.NotBefore = now.AddSeconds(Math.Min(3600, options.BackoffSeconds * Math.Pow(2, cleanup.Attempts - 1)));
                logger.LogWarning("Blob cleanup of {Key} failed (attempt {Attempts}): {Error}", cleanup.Key, cleanup.Attempts, e.Message);
            }
        }
        await db.SaveChangesAsync(ct);
        return due.Count + swept; // swept sessions queued their parts: another pass is worth it
    }

    private static async Task<bool> StillReferencedAsync(ResourceHubDbContext db, BlobCleanup cleanup, CancellationToken ct)
    {
        var key = cleanup.Key;
        if (cleanup.IsPrefix)
        {
            // Only a rendition set no rendition uses, or a resource's own folder once the resource is gone.
            if (ResourceBlobKeys.IsRenditionSet(key))
                return await db.Renditions.AnyAsync(r => r.BlobPrefix == key, ct);
            if (ResourceBlobKeys.UploadSessionOf(key) is { } session)
                return await db.Set<UploadSession>().AnyAsync(s => s.Id == session, ct);
            if (ResourceBlobKeys.ResourceOf(key) is not { } id)
                return true;
            return await db.Resources.AnyAsync(r => r.Id == id, ct);
        }
        return await db.Resources.AnyAsync(r => r.File != null && r.File.BlobKey == key, ct)
               || await db.Set<ResourceRevision>().AnyAsync(r => r.File != null && r.File.BlobKey == key, ct);
    }
}

public static class BlobCleanupServiceCollectionExtensions
{
    public static IServiceCollection AddBlobCleanup(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection(BlobCleanupOptions.Section).Get<BlobCleanupOptions>() ?? new BlobCleanupOptions());
        services.AddSingleton<BlobCleaner>();
        services.AddScoped<PendingBlobs>();
        if (ServiceRoles.RunsWorker(config))
            services.AddHostedService(sp => sp.GetRequiredService<BlobCleaner>());
        return services;
    }
}
