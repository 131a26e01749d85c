using Microsoft.AspNetCore.Http.Features;
using ResourceHub.Api.Duplicates;
using ResourceHub.Api.OData;
using ResourceHub.Application.Duplicates;
using ResourceHub.Blobs;

namespace ResourceHub.Api.Resources;

/// <summary>
/// The media stream of a resource over HTTP: PUT streams the body to <see cref="ResourceUploads"/> (hashing on
/// the way, never holding it in memory); GET serves it with Range, ETag and the original Chinese file name.
/// </summary>
public sealed class ResourceFileHandler(ResourceUploads uploads, BlobResponder responder, BlobStoreLimits limits, ResourceDownloads downloads,
    DuplicateMatches duplicates)
{
    public async Task PutAsync(HttpContext context, object key)
    {
        var ct = context.RequestAborted;
        var target = await uploads.OpenAsync(context.RequireCaller(), (Guid)key, ResourceHandler.CheckIfMatch(context), ct);
        uploads.CheckSize(context.Request.ContentLength);
        // Kestrel's 30 MB default would cut lessons short; the blob store enforces our own limit while streaming.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            bodyLimit.MaxRequestBodySize = limits.MaxBytes + 1;
        var resource = await uploads.SaveAsync(target, context.Request.Body, context.Request.ContentType, UploadFileName.From(context.Request), ct);
        ResourceHandler.SetETag(context, resource);
        await DuplicateLinks.AddAsync(context, duplicates, resource.Id);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    public async Task GetAsync(HttpContext context, object key)
    {
        var id = (Guid)key;
        var file = await downloads.FindAsync(context.RequireCaller(), id, context.RequestAborted);
        await responder.ServeAsync(context, new BlobResponse(file.BlobKey, file.ContentType, $"\"{file.Sha256}\"", file.FileName),
            ct => downloads.CountAsync(id, ct));
    }
}
