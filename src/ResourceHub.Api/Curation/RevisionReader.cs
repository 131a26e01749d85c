using Microsoft.EntityFrameworkCore;
using Microsoft.OData;
using ResourceHub.Api.OData;
using ResourceHub.Api.Resources;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Api.Curation;

/// <summary>
/// Resources(id)/Revision and Resources(id)/Revision/$value: the pending edit of a live item and its new
/// file, for the owner, admins and the subject's experts.
/// </summary>
public sealed class RevisionReader(ResourceHubDbContext db, ODataJsonWriter writer, BlobResponder responder)
{
    public async Task WriteAsync(HttpContext context, Caller caller, Resource live)
    {
        var revision = await FindAsync(context, caller, live);
        if (revision is null)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent; // a single-valued navigation with nothing behind it
            return;
        }
        await writer.WriteEntryAsync(context, ResourceDefinition.Instance.SetName, Entry(context.Request, live, revision, blind: false));
    }

    /// <summary>What a reviewer sees of an item: the pending revision when there is one, its media link leading to the file under review.</summary>
    public static ODataEntry Entry(HttpRequest request, Resource live, ResourceRevision? revision, bool blind)
    {
        var entry = ODataJsonWriter.Entry(request, ResourceDefinition.Instance, ReviewerView.Of(live, revision, blind), null, []);
        if (revision?.File is not null)
            entry.Resource.MediaResource = new ODataStreamReferenceValue { ReadLink = FileUri(request, live.Id) };
        return entry;
    }

    public async Task ServeFileAsync(HttpContext context, Caller caller, Resource live)
    {
        var revision = await FindAsync(context, caller, live);
        var file = revision?.File ?? throw ODataProblem.NotFound("该资源没有待审的新文件 (the item has no new file pending review)");
        // Not counted as a download: reviewers looking at a pending file are not its audience.
        await responder.ServeAsync(context, new BlobResponse(file.BlobKey, file.ContentType, $"\"{file.Sha256}\"", file.FileName));
    }

    private async Task<ResourceRevision?> FindAsync(HttpContext context, Caller caller, Resource live)
    {
        if (!ResourcePermissions.CanModify(caller, live) && !(caller.Is(Roles.Expert) && caller.Subjects.Contains(live.Subject)))
            throw ODataProblem.Forbidden("只有资源所有者、管理员和本学科专家可以查看待审修订 (only the owner, admins and the subject's experts see a pending revision)");
        return await db.Set<ResourceRevision>().AsNoTracking().FirstOrDefaultAsync(r => r.ResourceId == live.Id, context.RequestAborted);
    }

    private static Uri FileUri(HttpRequest request, Guid id) =>
        new(ServiceRoot.EntityUri(request, ResourceDefinition.Instance.SetName, id) + $"/{CurationEdm.Revision}/$value");
}
