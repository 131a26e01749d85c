using System.Security.Cryptography;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.EntityFrameworkCore;
using ResourceHub.Application.Resources;
using ResourceHub.Blobs;
using ResourceHub.Application.Curation;
using ResourceHub.Application.Duplicates;
using ResourceHub.Application.Identity;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Intake;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Application.Intake;

/// <summary>
/// Runs one claimed import job over its package, in two phases. First every row is read and checked and
/// recorded (pending, or failed with its reasons) in one save, before any resource is touched. Then each
/// pending row is applied on its own: the resource (new, or the one its external id already names), its
/// vendor id and the row's outcome are saved together, so a crash repeats at most the row in flight and
/// never creates a resource twice. A row's failure is recorded and the next row goes on.
/// </summary>
public sealed class ImportRunner(ResourceHubDbContext db, RowChecker checker, IResourceFiles files, CurationRunner curation,
    OrganizationDirectory organizations, ImportJobQueue queue, ResourceUploads uploads, ExactDuplicates duplicates, TimeProvider clock)
{
    /// <summary>Kept in a row's message between its save and its submission, so a crash there is resumed by submitting.</summary>
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public const string AwaitingSubmit = "已保存，尚未提交审核 (saved, not yet submitted)";

    /// <returns>False when the lease was lost: another holder goes on with the job.</returns>
    public async Task<bool> RunAsync(ImportJob job, string owner, IImportPackage package, IProgress<ImportRow>? progress, CancellationToken ct)
    {
        var caller = await organizations.ResolveAsync(ImportJobs.CallerOf(job), db, ct);
        if (!ResourcePermissions.CanCreate(caller))
            throw AppError.Forbidden($"角色 {caller.Role} 不能导入资源 (only vendors, teachers and admins import resources)");
        var manifest = PackagePaths.FindManifest(package);
        if (!await db.Set<ImportRow>().AnyAsync(r => r.JobId == job.Id, ct))
            await RecordRowsAsync(job, owner, package, manifest, ct);

        var pending = await db.Set<ImportRow>().AsNoTracking()
            .Where(r => r.JobId == job.Id && (r.State == ImportRowState.Pending || r.Message == AwaitingSubmit))
            .OrderBy(r => r.Line).Select(r => r.Line).ToListAsync(ct);
        foreach (var line in pending)
        {
            ct.ThrowIfCancellationRequested();
            var row = await ApplyRowAsync(job, caller, package, manifest, line, ct);
            progress?.Report(row);
            if (!await queue.RenewAsync(job.Id, owner, ct))
                return false;
        }
        return true;
    }

    private async Task RecordRowsAsync(ImportJob job, string owner, IImportPackage package, string manifest, CancellationToken ct)
    {
        IReadOnlyList<ManifestRow> rows;
        using (var content = package.Open(manifest))
            rows = ManifestReader.Read(content, manifest);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var now = clock.GetUtcNow().UtcDateTime;
        // All rows or none (a resumed job records them again), saved in chunks so the change tracker stays small.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var chunk in rows.Chunk(200))
        {
            foreach (var row in chunk)
            {
                var (plan, errors) = checker.Check(row, manifest, package.Files);
                var messages = errors.ToList();
                var externalId = row.Get(ManifestColumns.ExternalId);
                if (externalId.Length > 0 && !seen.TryAdd(externalId, row.Line))
                    messages.Add($"行 {row.Line}：外部编号“{externalId}”与第 {seen[externalId]} 行重复 (duplicate ExternalId)");
                db.Add(new ImportRow
                {
                    JobId = job.Id,
                    Line = row.Line,
                    ExternalId = externalId.Length is > 0 and <= ExternalResourceId.MaxLength ? externalId : null,
                    Cells = RowChecker.CellsJson(row),
                    State = messages.Count == 0 && plan is not null ? ImportRowState.Pending : ImportRowState.Failed,
                    Message = messages.Count == 0 ? null : string.Join('\n', messages),
                    UpdatedAt = now,
                });
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        await transaction.CommitAsync(ct);
        await queue.SetTotalAsync(job.Id, owner, rows.Count, ct);
    }

    private async Task<ImportRow> ApplyRowAsync(ImportJob job, Caller caller, IImportPackage package, string manifest, int line, CancellationToken ct)
    {
        var row = await db.Set<ImportRow>().SingleAsync(r => r.JobId == job.Id && r.Line == line, ct);
        try
        {
            if (row.State == ImportRowState.Pending)
                await SaveRowAsync(job, caller, package, manifest, row, ct);
            if (row.Message == AwaitingSubmit)
                await SubmitAsync(caller, row, ct);
        }
        catch (Exception e) when (RowFailure(e) is { } message)
        {
            db.ChangeTracker.Clear();
            row = await db.Set<ImportRow>().SingleAsync(r => r.JobId == job.Id && r.Line == line, ct);
            var saved = row.State != ImportRowState.Pending;
            row.State = ImportRowState.Failed;
            row.Message = saved ? $"行 {line}：资源已保存，但提交审核失败：{message}" : $"行 {line}：{message}";
            row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        db.ChangeTracker.Clear();
        return row;
    }

    /// <summary>The row's resource, vendor id and outcome in one save; the stored file is undone if that save fails.</summary>
    private async Task SaveRowAsync(ImportJob job, Caller caller, IImportPackage package, string manifest, ImportRow row, CancellationToken ct)
    {
        var (plan, errors) = checker.Check(RowChecker.FromStored(row), manifest, package.Files);
        if (plan is null)
            throw AppError.BadRequest(string.Join('\n', errors)); // the package changed since the rows were recorded
        var now = clock.GetUtcNow().UtcDateTime;
        var known = await db.Set<ExternalResourceId>().AsNoTracking()
            .SingleOrDefaultAsync(e => e.OwnerOrg == job.OwnerOrg && e.ExternalId == plan.ExternalId, ct);
        Resource resource;
        string outcome;
        if (known is null)
        {
            resource = new Resource
            {
                Id = Guid.NewGuid(), OwnerOrg = job.OwnerOrg, CreatedBy = caller.UserId, CreatedAt = now, UpdatedAt = now,
                Status = ResourceStatus.Draft,
            };
            outcome = ImportRowState.Created;
        }
        else
        {
            resource = await db.Resources.SingleAsync(r => r.Id == known.ResourceId, ct);
            if (!ResourcePermissions.CanModify(caller, resource))
                throw AppError.Forbidden($"外部编号“{plan.ExternalId}”已是本机构其他用户的资源，你不能修改它 (this ExternalId belongs to another user's resource)");
            outcome = SameFields(plan.Fields, resource) ? ImportRowState.Unchanged : ImportRowState.Updated;
        }
        var fileChanged = outcome == ImportRowState.Created || !await SameFileAsync(package, plan, resource, ct);
        if (fileChanged && outcome == ImportRowState.Unchanged)
            outcome = ImportRowState.Updated;
        if (outcome == ImportRowState.Updated && EditModes.Of(resource.Status) != EditMode.InPlace)
            throw AppError.BadRequest(
                $"“{Lifecycle.NameOf(resource.Status)}”状态的资源不能通过批量导入修改，请在网页上修订 (only drafts and items sent back can be changed by an import)");

        // The file first: storing it records its cleanup reservation in a save of its own, which must not carry this row's changes.
        StoredUpload? stored = null;
        if (fileChanged)
            stored = await StoreFileAsync(caller, package, plan, resource, ct);
        if (outcome == ImportRowState.Created)
        {
            Copy(plan.Fields, resource);
            db.Resources.Add(resource);
            db.Add(new ExternalResourceId { OwnerOrg = job.OwnerOrg, ExternalId = plan.ExternalId, ResourceId = resource.Id });
        }
        else if (outcome == ImportRowState.Updated)
        {
            Copy(plan.Fields, resource);
            resource.UpdatedAt = now;
        }

        row.State = outcome;
        row.ResourceId = resource.Id;
        row.Message = job.Submit && resource.Status is ResourceStatus.Draft or ResourceStatus.ChangesRequested ? AwaitingSubmit : null;
        row.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            if (stored is not null)
                await files.AbandonAsync(stored);
            throw;
        }
    }

    /// <summary>The upload path's content check (type named by the file's extension against its bytes), then the store.</summary>
    private async Task<StoredUpload> StoreFileAsync(Caller caller, IImportPackage package, RowPlan plan, Resource resource, CancellationToken ct)
    {
        Copy(plan.Fields, resource); // the duplicate policy is the row's kind's
        var declared = ContentTypes.TryGetContentType(plan.FileName, out var type) ? type : "application/octet-stream";
        try
        {
            await using var raw = package.Open(plan.FilePath);
            var (content, contentType) = await ResourceUploads.CheckContentAsync(raw, declared, ct);
            StoredUpload stored;
            await using (content)
                stored = await files.StoreAsync(resource, content, plan.FileName, contentType, ct);
            try
            {
                await duplicates.CheckAsync(caller, resource, stored.File, replacesCurrent: true, ct);
            }
            catch
            {
                await files.AbandonAsync(stored);
                throw;
            }
            return stored;
        }
        catch (AppError e)
        {
            throw AppError.BadRequest($"文件“{plan.FileName}”：{e.Message}", ManifestColumns.FileName);
        }
        catch (BlobTooLargeException)
        {
            throw AppError.BadRequest($"文件“{plan.FileName}”：{uploads.TooLarge().Message}", ManifestColumns.FileName);
        }
    }

    private async Task SubmitAsync(Caller caller, ImportRow row, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await curation.ActAsync(caller, row.ResourceId!.Value, null, s => s.SubmitAsync(), ct);
        db.ChangeTracker.Clear();
        var saved = await db.Set<ImportRow>().SingleAsync(r => r.JobId == row.JobId && r.Line == row.Line, ct);
        saved.Message = null;
        saved.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        row.Message = null;
    }

    /// <summary>The file in the package has the bytes the resource already has (hashed while read, never held).</summary>
    private static async Task<bool> SameFileAsync(IImportPackage package, RowPlan plan, Resource resource, CancellationToken ct)
    {
        if (resource.File is null)
            return false;
        await using var content = package.Open(plan.FilePath);
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, ct));
        return hash == resource.File.Sha256 && plan.FileName == resource.File.FileName;
    }

    private static bool SameFields(Resource a, Resource b) =>
        a.Title == b.Title && a.Kind == b.Kind && a.Subject == b.Subject && a.Stage == b.Stage && a.Grade == b.Grade
        && a.Description == b.Description && a.TrainingProject == b.TrainingProject && a.Workshop == b.Workshop
        && a.Topics.SequenceEqual(b.Topics) && a.Tags.SequenceEqual(b.Tags);

    private static void Copy(Resource from, Resource to)
    {
        to.Title = from.Title;
        to.Kind = from.Kind;
        to.Subject = from.Subject;
        to.Stage = from.Stage;
        to.Grade = from.Grade;
        to.Topics = [.. from.Topics];
        to.Tags = [.. from.Tags];
        to.Description = from.Description;
        to.TrainingProject = from.TrainingProject;
        to.Workshop = from.Workshop;
    }

    /// <summary>The failures that are the row's own (its data, its file, its item's state); others stop the job to be retried.</summary>
    private static string? RowFailure(Exception e) => e switch
    {
        AppError a => a.Message,
        CurationError c => c.Message,
        DbUpdateException => "保存时与同时进行的另一修改或导入冲突，请稍后重新导入 (a concurrent change won; import again)",
        _ => null,
    };
}
