using ResourceHub.Application;
using ResourceHub.Application.Intake;
using ResourceHub.Blobs;
using ResourceHub.Domain.Intake;

namespace ResourceHub.Api.Intake;

/// <summary>
/// Runs uploaded import jobs one at a time: claims one, copies its ZIP from the blob store to a local
/// temporary file (a ZIP is read from its end), and lets <see cref="ImportRunner"/> apply its rows. A package
/// refusal ends the job with the reason; anything else gives the job back to be resumed.
/// </summary>
public sealed class ImportWorker(IServiceScopeFactory scopes, ImportOptions options, ILogger<ImportWorker> logger) : BackgroundService
{
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(options.PollMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await RunNextAsync(stoppingToken))
                    await Task.Delay(poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Import worker loop failed");
                await Task.Delay(poll, stoppingToken);
            }
        }
    }

    /// <returns>False when there was nothing to do.</returns>
    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var queue = services.GetRequiredService<ImportJobQueue>();
        var job = await queue.ClaimNextAsync(Owner, ct);
        if (job is null)
            return false;
        logger.LogInformation("Import job {Job} of {Org}: attempt {Attempt}", job.Id, job.OwnerOrg, job.Attempts);
        var blobs = services.GetRequiredService<IBlobStore>();
        var zip = Path.Combine(Path.GetTempPath(), $"rh-import-{job.Id:N}-{Guid.NewGuid():N}.zip");
        try
        {
            if (!await DownloadAsync(blobs, job.Source, zip, ct))
                throw AppError.BadRequest("上传的压缩包已不存在，请重新上传 (the uploaded ZIP is gone)");
            using var package = new ZipPackage(zip, options);
            if (await services.GetRequiredService<ImportRunner>().RunAsync(job, Owner, package, null, ct))
                await FinishAsync(queue, blobs, job, null);
        }
        catch (AppError e)
        {
            logger.LogInformation("Import job {Job} refused: {Reason}", job.Id, e.Message);
            await FinishAsync(queue, blobs, job, e.Message);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await queue.ReleaseAsync(job.Id, Owner, CancellationToken.None); // shutting down: resume elsewhere now, not after the lease
            throw;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Import job {Job} stopped; it will be resumed", job.Id);
            await queue.ReleaseAsync(job.Id, Owner, CancellationToken.None);
        }
        finally
        {
            File.Delete(zip);
        }
        return true;
    }

    private async Task FinishAsync(ImportJobQueue queue, IBlobStore blobs, ImportJob job, string? error)
    {
        await queue.FinishAsync(job.Id, Owner, error, CancellationToken.None);
        try
        {
            await blobs.DeleteAsync(job.Source, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not delete the package of import job {Job}", job.Id);
        }
    }

    private static async Task<bool> DownloadAsync(IBlobStore blobs, string key, string path, CancellationToken ct)
    {
        var blob = await blobs.OpenReadAsync(key, null, ct);
        if (blob is null)
            return false;
        await using (blob)
        await using (var file = File.Create(path))
            await blob.Content.CopyToAsync(file, ct);
        return true;
    }
}
