using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Intake;

namespace ResourceHub.Application.Intake;

/// <summary>A job's state and counts as its owner sees them.</summary>
public sealed record ImportProgress(ImportJob Job, int Pending, int Created, int Updated, int Unchanged, int Failed)
{
    public int Done => Created + Updated + Unchanged + Failed;
}

/// <summary>
/// Starting an import and reading it back. Importing follows the rules of creating one resource: vendors,
/// teachers and admins only, always into the caller's own organisation. A job is seen by whoever started it,
/// by the vendors of its organisation and by admins whose region holds it; to anyone else it does not exist.
/// </summary>
public sealed class ImportJobs(ResourceHubDbContext db, TimeProvider clock)
{
    public static Caller CallerOf(ImportJob job) => new(job.CreatedBy, job.CreatedByName, job.Role, job.OwnerOrg, []);

    public static void CheckMayImport(Caller caller)
    {
        if (!ResourcePermissions.CanCreate(caller))
            throw AppError.Forbidden($"角色 {caller.Role} 不能导入资源，只有供应商、教师和管理员可以 (only vendors, teachers and admins import resources)");
    }

    /// <summary>A new job for <paramref name="caller"/>'s organisation; the caller has chosen its id (the blob key names it).</summary>
    public async Task<ImportJob> CreateAsync(Caller caller, Guid id, string source, bool sourceIsBlob, bool submit, CancellationToken ct)
    {
        CheckMayImport(caller);
        var now = clock.GetUtcNow().UtcDateTime;
        var job = new ImportJob
        {
            Id = id, OwnerOrg = caller.OrgCode, CreatedBy = caller.UserId, CreatedByName = caller.DisplayName, Role = caller.Role,
            Source = source, SourceIsBlob = sourceIsBlob, Submit = submit, State = ImportState.Queued, CreatedAt = now, UpdatedAt = now,
        };
        db.Add(job);
        await db.SaveChangesAsync(ct);
        db.Entry(job).State = EntityState.Detached;
        return job;
    }

    /// <summary>The caller's unfinished run of the same package (the CLI resumes it), or null.</summary>
    public Task<ImportJob?> UnfinishedAsync(Caller caller, string source, CancellationToken ct) =>
        db.Set<ImportJob>().AsNoTracking()
            .Where(j => j.CreatedBy == caller.UserId && j.OwnerOrg == caller.OrgCode && j.Source == source && !j.SourceIsBlob
                        && (j.State == ImportState.Queued || j.State == ImportState.Running))
            .OrderByDescending(j => j.CreatedAt).FirstOrDefaultAsync(ct);

    public async Task<ImportProgress> FindAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var job = await db.Set<ImportJob>().AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, ct);
        if (job is null || !MaySee(caller, job))
            throw AppError.NotFound("导入任务不存在 (no such import job)");
        var counts = await db.Set<ImportRow>().Where(r => r.JobId == id).GroupBy(r => r.State)
            .Select(g => new { State = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.State, x => x.Count, ct);
        int Of(string state) => counts.GetValueOrDefault(state);
        return new ImportProgress(job, Of(ImportRowState.Pending), Of(ImportRowState.Created), Of(ImportRowState.Updated),
            Of(ImportRowState.Unchanged), Of(ImportRowState.Failed));
    }

    public Task<List<ImportRow>> RowsAsync(Guid id, CancellationToken ct) =>
        db.Set<ImportRow>().AsNoTracking().Where(r => r.JobId == id).OrderBy(r => r.Line).ToListAsync(ct);

    private static bool MaySee(Caller caller, ImportJob job) =>
        job.CreatedBy == caller.UserId
        || (caller.Is(Roles.Vendor) && caller.OrgCode == job.OwnerOrg)
        || (caller.IsAdmin && caller.Region.Contains(job.OwnerOrg));
}
