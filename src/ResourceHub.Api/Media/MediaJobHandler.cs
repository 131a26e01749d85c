using Microsoft.EntityFrameworkCore;
using Microsoft.OData.UriParser;
using ResourceHub.Api.OData;

namespace ResourceHub.Api.Media;

/// <summary>GET MediaJobs, MediaJobs({id}) and Resources({id})/Jobs (newest first).</summary>
public sealed class MediaJobHandler(MediaReadAccess access, ODataJsonWriter writer) : EntitySetHandlerBase
{
    private const int PageSize = 200;

    public override string SetName => MediaJobDefinition.Instance.SetName;

    public override async Task GetCollectionAsync(HttpContext context, ODataUriParser parser)
    {
        var items = await access.Jobs(context).OrderByDescending(j => j.CreatedAt).Take(PageSize).ToListAsync(context.RequestAborted);
        await writer.WriteCollectionAsync(context, MediaJobDefinition.Instance, items);
    }

    public async Task GetForResourceAsync(HttpContext context, Guid resourceId)
    {
        var items = await access.Jobs(context).Where(j => j.ResourceId == resourceId)
            .OrderByDescending(j => j.CreatedAt).Take(PageSize).ToListAsync(context.RequestAborted);
        await writer.WriteCollectionAsync(context, MediaJobDefinition.Instance, items);
    }

    public override async Task GetAsync(HttpContext context, object key, ODataUriParser parser)
    {
        var id = (Guid)key;
        var job = await access.Jobs(context).SingleOrDefaultAsync(j => j.Id == id, context.RequestAborted)
                  ?? throw ODataProblem.NotFound($"处理任务 {id} 不存在 (no media job with this id)");
        await writer.WriteEntityAsync(context, MediaJobDefinition.Instance, job);
    }
}
