using Microsoft.EntityFrameworkCore;
using ResourceHub.Api.OData;
using ResourceHub.Api.Resources;
using ResourceHub.Application.Media;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Media.Pipeline;

namespace ResourceHub.Api.Media;

/// <summary>
/// /media/s/{token}/file | {rendition kind} | preview/{page} | hls/{path}: the files of a resource for players and links that
/// cannot send a bearer header. The token (<see cref="MediaLinks"/>) names the resource and the user it was
/// signed for; the file is then served under that user's visibility, as the OData paths serve it.
/// </summary>
public static class SignedMediaEndpoints
{
    public static void MapSignedMedia(this WebApplication app) =>
        app.MapMethods(MediaLinks.Prefix + "/{token}/{**what}", [HttpMethods.Get, HttpMethods.Head], ServeAsync);

    private static async Task ServeAsync(HttpContext context, string token, string what, MediaLinks links, ResourceHubDbContext db,
        ResourceDownloads downloads, MediaReadAccess access, BlobResponder responder)
    {
        var (id, userId) = links.Verify(token)
                           ?? throw new ODataProblem(StatusCodes.Status403Forbidden, "LinkExpired", "链接已过期或无效，请刷新页面 (the media link expired or is invalid; reload the page)");
        var caller = await CallerAsync(db, userId, context.RequestAborted);
        context.Response.Headers.CacheControl = "private, max-age=3600";
        if (what == SignedMedia.File)
        {
            var file = await downloads.FindAsync(caller, id, context.RequestAborted);
            await responder.ServeAsync(context, new BlobResponse(file.BlobKey, file.ContentType, $"\"{file.Sha256}\"", file.FileName),
                ct => downloads.CountAsync(id, ct));
            return;
        }
        var renditions = access.Renditions(caller);
        if (what.StartsWith(SignedMedia.HlsFolder + "/", StringComparison.Ordinal))
        {
            await HlsEndpoints.ServeAsync(context, id, what[(SignedMedia.HlsFolder.Length + 1)..], renditions, responder);
            return;
        }
        var page = SignedMedia.PageOf(what);
        var kind = page is null ? what : SignedMedia.Preview;
        var rendition = await renditions.FirstOrDefaultAsync(r => r.ResourceId == id && r.Kind == kind, context.RequestAborted);
        if (rendition is null || page > (rendition.PreviewPages ?? 1))
            throw ODataProblem.NotFound("没有这个文件，可能仍在转码 (no such rendition yet)");
        var key = page is > 1 ? rendition.BlobPrefix + MediaPipeline.PageFile(page.Value) : rendition.BlobKey;
        await responder.ServeAsync(context, new BlobResponse(key, rendition.ContentType, $"\"{rendition.Id:N}-{page ?? 1}\""));
    }

    /// <summary>The user as the system of record knows them now (a changed role or organisation applies at once).</summary>
    private static async Task<Caller> CallerAsync(ResourceHubDbContext db, string userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct)
                   ?? throw new ODataProblem(StatusCodes.Status403Forbidden, "LinkExpired", "链接无效，请重新登录 (unknown user)");
        return new Caller(user.Id, user.DisplayName, user.Role, user.OrgCode, user.Subjects);
    }
}
