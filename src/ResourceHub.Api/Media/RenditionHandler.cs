using Microsoft.EntityFrameworkCore;
using Microsoft.OData.UriParser;
using ResourceHub.Api.OData;
using ResourceHub.Api.Resources;
using ResourceHub.Domain.Renditions;
using ResourceHub.Media.Pipeline;

namespace ResourceHub.Api.Media;

/// <summary>GET Renditions, Renditions({id}), Renditions({id})/$value and Resources({id})/Renditions.</summary>
public sealed class RenditionHandler(MediaReadAccess access, ODataJsonWriter writer, BlobResponder responder) : EntitySetHandlerBase
{
    private const int PageSize = 200;

    public override string SetName => RenditionDefinition.Instance.SetName;

    public override async Task GetCollectionAsync(HttpContext context, ODataUriParser parser)
    {
        var items = await access.Renditions(context).OrderBy(r => r.ResourceId).ThenBy(r => r.Kind).Take(PageSize).ToListAsync(context.RequestAborted);
        await writer.WriteCollectionAsync(context, RenditionDefinition.Instance, items);
    }

    public async Task GetForResourceAsync(HttpContext context, Guid resourceId)
    {
        var items = await access.Renditions(context).Where(r => r.ResourceId == resourceId).OrderBy(r => r.Kind).ToListAsync(context.RequestAborted);
        await writer.WriteCollectionAsync(context, RenditionDefinition.Instance, items);
    }

    public override async Task GetAsync(HttpContext context, object key, ODataUriParser parser) =>
        await writer.WriteEntityAsync(context, RenditionDefinition.Instance, await FindAsync(context, key));

    public override async Task GetValueAsync(HttpContext context, object key)
    {
        var rendition = await FindAsync(context, key);
        if (rendition.Kind == RenditionKind.Hls.Key())
        {
            // Playlists name their variants relatively; only the /media URL keeps those links working.
            context.Response.Redirect(HlsEndpoints.MasterUrl(context.Request, rendition.ResourceId));
            return;
        }
        await responder.ServeAsync(context, new BlobResponse(rendition.BlobKey, rendition.ContentType, $"\"{rendition.Id:N}\""));
    }

    private async Task<Rendition> FindAsync(HttpContext context, object key)
    {
        var id = (Guid)key;
        return await access.Renditions(context).SingleOrDefaultAsync(r => r.Id == id, context.RequestAborted)
               ?? throw ODataProblem.NotFound($"转码文件 {id} 不存在 (no rendition with this id)");
    }
}
