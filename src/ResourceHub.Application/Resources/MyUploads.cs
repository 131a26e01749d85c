using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Jobs;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Application.Resources;

/// <summary>One line of 我的上传: the item, its status and the status of a pending revision of a live item.</summary>
public sealed record MyUploadRow(Guid Id, string Title, string Status, string? RevisionStatus, DateTime UpdatedAt, string? FileName);

/// <summary>The media work on the item's file as the uploader follows it (null state: no job yet).</summary>
public sealed record JobProgressView(string? State, double Percent, double? EtaSeconds, string? Stage, string? Error)
{
    public bool Active => State is JobState.Queued or JobState.Running;
}

/// <summary>A reviewer's verdict with its comment, shown to the uploader without the reviewer's identity.</summary>
public sealed record ReviewerRequest(int Round, string Verdict, string? Comment, DateTime At);

/// <summary>One of my items with what its uploader needs to act on it: the form's values (a live item's pending revision), progress, requests.</summary>
public sealed record MyUpload(Resource Live, Resource Editing, string? RevisionStatus, EditMode Mode, JobProgressView Media,
    IReadOnlyList<ReviewerRequest> Requests);

/// <summary>What vendors and teachers read of their own work (我的上传): only items <see cref="ResourcePermissions.CanModify"/> allows them.</summary>
public sealed class MyUploads(ResourceHubDbContext db, ResourceAuthoring authoring)
{
    public const int MaxRows = 200;

    public async Task<IReadOnlyList<MyUploadRow>> ListAsync(Caller caller, CancellationToken ct)
    {
        ResourceAuthoring.CheckCanCreate(caller);
        var (org, me, everywhere, region) = (caller.OrgCode, caller.UserId, caller.Region.Everywhere, caller.Region.Orgs.ToList());
        // A superset in SQL (own org, own items, the admin's region), then the one rule that decides.
        var rows = await db.Resources.AsNoTracking()
            .Where(r => r.OwnerOrg == org || r.CreatedBy == me || everywhere || region.Contains(r.OwnerOrg))
            .OrderByDescending(r => r.UpdatedAt).Take(MaxRows * 2).ToListAsync(ct);
        var mine = rows.Where(r => ResourcePermissions.CanModify(caller, r)).Take(MaxRows).ToList();
        var ids = mine.Select(r => r.Id).ToList();
        var revisions = await db.Set<ResourceRevision>().AsNoTracking().Where(v => ids.Contains(v.ResourceId))
            .ToDictionaryAsync(v => v.ResourceId, v => v.Status, ct);
        return mine.Select(r => new MyUploadRow(r.Id, r.Title, r.Status, revisions.GetValueOrDefault(r.Id), r.UpdatedAt, r.File?.FileName))
            .ToList();
    }

    public async Task<MyUpload> GetAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var live = await authoring.FindModifiableAsync(caller, id, ct);
        var revision = await db.Set<ResourceRevision>().AsNoTracking().FirstOrDefaultAsync(v => v.ResourceId == id, ct);
        // Only decided rounds: the reviews of a round still open stay independent and unseen.
        var underReview = live.Status is ResourceStatus.Submitted or ResourceStatus.InReview
                          || revision?.Status is ResourceStatus.Submitted or ResourceStatus.InReview;
        var openRound = underReview
            ? await db.Set<ReviewCase>().Where(c => c.ResourceId == id).Select(c => (int?)c.Round).FirstOrDefaultAsync(ct)
            : null;
        var requests = await db.Set<Review>().AsNoTracking()
            .Where(r => r.ResourceId == id && r.Verdict != Verdicts.Approve && (openRound == null || r.Round < openRound))
            .OrderByDescending(r => r.Round).ThenBy(r => r.CreatedAt)
            .Select(r => new ReviewerRequest(r.Round, r.Verdict, r.Comment, r.CreatedAt)).ToListAsync(ct);
        return new MyUpload(live, ResourceRevision.Preview(live, revision), revision?.Status, EditModes.Of(live, revision),
            await ProgressAsync(caller, id, ct), requests);
    }

    /// <summary>The newest media job of the item (polled by the upload page while it transcodes).</summary>
    public async Task<JobProgressView> ProgressAsync(Caller caller, Guid id, CancellationToken ct)
    {
        await authoring.FindModifiableAsync(caller, id, ct);
        var job = await db.MediaJobs.AsNoTracking().Where(j => j.ResourceId == id && j.Kind == MediaJobKind.Media)
            .OrderByDescending(j => j.CreatedAt).FirstOrDefaultAsync(ct);
        return job is null
            ? new JobProgressView(null, 0, null, null, null)
            : new JobProgressView(job.State, job.Percent, job.EtaSeconds, job.Stage, job.LastError);
    }
}
