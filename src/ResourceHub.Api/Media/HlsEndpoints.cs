using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ResourceHub.Api.OData;
using ResourceHub.Api.Resources;
using ResourceHub.Domain.Renditions;
using ResourceHub.Media.Pipeline;

namespace ResourceHub.Api.Media;

/// <summary>
/// A stable HLS URL per resource, /media/{id}/hls/master.m3u8, with the variant playlists and
/// segments under it (the playlists link them relatively). Same visibility as the resource.
/// </summary>
public static class HlsEndpoints
{
    public const string Prefix = "/media";

    public static string MasterUrl(HttpRequest request, Guid resourceId) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{Prefix}/{resourceId:D}/hls/{HlsMasterPlaylist.FileName}";

    public static void MapHls(this WebApplication app) =>
        app.MapMethods(Prefix + "/{id:guid}/hls/{**path}", [HttpMethods.Get, HttpMethods.Head],
            (HttpContext context, Guid id, string path, MediaReadAccess access, BlobResponder responder) =>
                ServeAsync(context, id, path, access.Renditions(context), responder));

    /// <summary>A playlist or segment of the resource's HLS rendition, among the renditions the caller may see.</summary>
    public static async Task ServeAsync(HttpContext context, Guid id, string path, IQueryable<Rendition> visible, BlobResponder responder)
    {
        var contentType = ContentTypeOf(path) ?? throw NotFound();
        var hlsKind = RenditionKind.Hls.Key();
        var hls = await visible.SingleOrDefaultAsync(r => r.ResourceId == id && r.Kind == hlsKind, context.RequestAborted)
                  ?? throw ODataProblem.NotFound("该资源暂无可播放的视频，可能仍在转码 (no HLS rendition yet; the video may still be processing)");
        var root = hls.BlobKey[..(hls.BlobKey.LastIndexOf('/') + 1)];
        await responder.ServeAsync(context, new BlobResponse(root + path, contentType, FileETag(root + path)));
    }

    /// <summary>
    /// One validator per file: a set's files are written once under a fresh folder and never changed, so the
    /// key names the bytes. (One tag for the whole set let a segment revalidate with the playlist's tag.)
    /// </summary>
    public static string FileETag(string key) =>
        $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32]}\"";

    /// <summary>Only playlists and segments, and no way out of the rendition's folder.</summary>
    private static string? ContentTypeOf(string path)
    {
        var segments = path.Split('/');
        if (segments.Any(s => s.Length == 0 || s.StartsWith('.') || !s.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')))
            return null;
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".m3u8" => ContentTypes.HlsPlaylist,
            ".ts" => ContentTypes.MpegTs,
            _ => null,
        };
    }

    private static ODataProblem NotFound() => ODataProblem.NotFound("没有这个播放文件 (no such HLS file)");
}
