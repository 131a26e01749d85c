using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Domain.Intake;

namespace ResourceHub.Application.Intake;

/// <summary>
/// Who runs an import job: a worker (or the CLI) holds it under a lease it renews after each row; a job
/// whose holder died is taken over once the lease runs out and resumes at its first pending row.
/// Every transition is a conditional UPDATE, so a holder that lost its job notices instead of overwriting.
/// </summary>
public sealed class ImportJobQueue(ResourceHubDbContext db, ImportOptions options, TimeProvider clock)
{
    /// <summary>A job that keeps crashing its worker is given up after this many starts.</summary>
    public const int MaxAttempts = 5;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The oldest job waiting (queued, or running with an expired lease); null when none.</summary>
    public async Task<ImportJob?> ClaimNextAsync(string owner, CancellationToken ct)
    {
        for (var round = 0; round < 5; round++)
        {
            var now = Now;
            var candidate = await db.Set<ImportJob>().AsNoTracking()
                .Where(j => j.SourceIsBlob && (j.State == ImportState.Queued || (j.State == ImportState.Running && j.LeaseUntil < now)))
                .OrderBy(j => j.CreatedAt)
                .FirstOrDefaultAsync(ct);
            if (candidate is null)
                return null;
            if (await TryClaimAsync(candidate, owner, ct) is { } job)
                return job;
        }
        return null;
    }

    /// <summary>Takes a given job unless another holder's lease on it is still fresh (the CLI resuming its own run).</summary>
    public async Task<ImportJob?> ClaimAsync(Guid id, string owner, CancellationToken ct)
    {
        var candidate = await db.Set<ImportJob>().AsNoTracking().SingleAsync(j => j.Id == id, ct);
        if (candidate.IsFinished || (candidate.State == ImportState.Running && candidate.LeaseUntil >= Now && candidate.LeaseOwner != owner))
            return null;
        return await TryClaimAsync(candidate, owner, ct);
    }

    private async Task<ImportJob?> TryClaimAsync(ImportJob seen, string owner, CancellationToken ct)
    {
        var now = Now;
        var jobs = db.Set<ImportJob>().Where(j => j.Id == seen.Id && j.Version == seen.Version);
        if (seen.Attempts >= MaxAttempts)
        {
            await jobs.ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, ImportState.Failed)
                .SetProperty(j => j.Error, "导入多次中断，已停止；请重新提交压缩包 (the import was interrupted too often)")
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.UpdatedAt, now)
                .SetProperty(j => j.Version, j => j.Version + 1), ct);
            return null;
        }
        var until = now + options.Lease;
        var won = await jobs.ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, ImportState.Running)
            .SetProperty(j => j.LeaseOwner, owner)
            .SetProperty(j => j.LeaseUntil, until)
            .SetProperty(j => j.Attempts, j => j.Attempts + 1)
            .SetProperty(j => j.UpdatedAt, now)
            .SetProperty(j => j.Version, j => j.Version + 1), ct);
        return won == 1 ? await db.Set<ImportJob>().AsNoTracking().SingleAsync(j => j.Id == seen.Id, ct) : null;
    }

    /// <summary>Extends the lease; false when the job is no longer this holder's.</summary>
    public async Task<bool> RenewAsync(Guid id, string owner, CancellationToken ct)
    {
        var now = Now;
        var until = now + options.Lease;
        return await Owned(id, owner).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.LeaseUntil, until)
            .SetProperty(j => j.UpdatedAt, now)
            .SetProperty(j => j.Version, j => j.Version + 1), ct) == 1;
    }

    public async Task SetTotalAsync(Guid id, string owner, int total, CancellationToken ct) =>
        await Owned(id, owner).ExecuteUpdateAsync(s => s.SetProperty(j => j.TotalRows, total).SetProperty(j => j.Version, j => j.Version + 1), ct);

    /// <summary>Ends the job: succeeded (whatever its rows' outcomes) or failed with the package's refusal.</summary>
    public async Task FinishAsync(Guid id, string owner, string? error, CancellationToken ct)
    {
        var now = Now;
        var state = error is null ? ImportState.Succeeded : ImportState.Failed;
        await Owned(id, owner).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, state)
            .SetProperty(j => j.Error, error)
            .SetProperty(j => j.LeaseOwner, (string?)null)
            .SetProperty(j => j.LeaseUntil, (DateTime?)null)
            .SetProperty(j => j.UpdatedAt, now)
            .SetProperty(j => j.Version, j => j.Version + 1), ct);
    }

    /// <summary>Gives the job back at once (shutting down, or a failure worth another try).</summary>
    public async Task ReleaseAsync(Guid id, string owner, CancellationToken ct)
    {
        var now = Now;
        await Owned(id, owner).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, ImportState.Queued)
            .SetProperty(j => j.LeaseOwner, (string?)null)
            .SetProperty(j => j.LeaseUntil, (DateTime?)null)
            .SetProperty(j => j.UpdatedAt, now)
            .SetProperty(j => j.Version, j => j.Version + 1), ct);
    }

    private IQueryable<ImportJob> Owned(Guid id, string owner) =>
        db.Set<ImportJob>().Where(j => j.Id == id && j.State == ImportState.Running && j.LeaseOwner == owner);
}
