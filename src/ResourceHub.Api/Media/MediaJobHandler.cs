using Microsoft.EntityFrameworkCore;
using Microsoft.OData.UriParser;
using ResourceHub.Api.OData;
using ResourceHub.Domain.Jobs;

namespace ResourceHub.Api.Media;

/// <summary>GET MediaJobs, MediaJobs({id}) and Resources({id})/Jobs (newest first), as they stand now.</summary>
public sealed class MediaJobHandler(MediaReadAccess access, ODataJsonWriter writer, TimeProvider clock) : EntitySetHandlerBase
{
    private const int PageSize = 200;

    public override string SetName => MediaJobDefinition.Instance.SetName;

    public override async Task GetCollectionAsync(HttpContext context, ODataUriParser parser)
    {
        var items = await access.Jobs(context).OrderByDescending(j => j.CreatedAt).Take(PageSize).ToListAsync(context.RequestAborted);
        await writer.WriteCollectionAsync(context, MediaJobDefinition.Instance, items.Select(Shown).ToList());
    }

    public async Task GetForResourceAsync(HttpContext context, Guid resourceId)
    {
        var items = await access.Jobs(context).Where(j => j.ResourceId == resourceId)
            .OrderByDescending(j => j.CreatedAt).Take(PageSize).ToListAsync(context.RequestAborted);
        await writer.WriteCollectionAsync(context, MediaJobDefinition.Instance, items.Select(Shown).ToList());
    }

    public override async Task GetAsync(HttpContext context, object key, ODataUriParser parser)
    {
        var id = (Guid)key;
        var job = await access.Jobs(context).SingleOrDefaultAsync(j => j.Id == id, context.RequestAborted)
                  ?? throw ODataProblem.NotFound($"处理任务 {id} 不存在 (no media job with this id)");
        await writer.WriteEntityAsync(context, MediaJobDefinition.Instance, Shown(job));
    }

    /// <summary>
    /// A job whose lease lapsed (its worker was killed) still says "running 55 %" in its row until a worker takes it
    /// again; shown as what it is: waiting for a retry, or failed when that was its last attempt (as the next claim decides).
    /// </summary>
    private MediaJob Shown(MediaJob job)
    {
        if (!job.LeaseLapsed(clock.GetUtcNow().UtcDateTime))
            return job;
        var last = job.Attempts >= job.MaxAttempts;
        return new MediaJob
        {
            Id = job.Id, Kind = job.Kind, ResourceId = job.ResourceId, Attempts = job.Attempts, MaxAttempts = job.MaxAttempts,
            CreatedAt = job.CreatedAt, UpdatedAt = job.UpdatedAt, Version = job.Version,
            State = last ? JobState.Failed : JobState.Queued,
            LastError = last ? JobErrors.WorkerLost : JobErrors.WaitingForRetry,
            NextRunAt = job.LeaseUntil!.Value,
        };
    }
}
