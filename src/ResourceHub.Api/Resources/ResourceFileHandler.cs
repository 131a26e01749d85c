using Microsoft.AspNetCore.Http.Features;
using ResourceHub.Api.Curation;
using ResourceHub.Api.OData;
using ResourceHub.Blobs;
using ResourceHub.Blobs.Sniffing;
using ResourceHub.Domain.Curation;

namespace ResourceHub.Api.Resources;

/// <summary>
/// The media stream of a resource: PUT streams the body into the blob store (hashing on the way,
/// never holding it in memory); GET serves it with Range, ETag and the original Chinese file name.
/// </summary>
public sealed class ResourceFileHandler(ResourceHandler resources, ResourceFileStore files, BlobResponder responder, BlobStoreLimits limits,
    DownloadCounter downloads)
{
    public async Task PutAsync(HttpContext context, object key)
    {
        var caller = context.RequireCaller();
        var resource = await resources.FindModifiableAsync(context, key, caller);
        Preconditions.CheckIfMatch(context.Request, resource.ETag);
        // Only unreviewed work takes a new file in place; a live item's file would skip review.
        if (EditModes.Of(resource.Status) != EditMode.InPlace)
            throw new ODataProblem(StatusCodes.Status409Conflict, "Conflict",
                $"资源处于“{ResourceHub.Domain.Taxonomy.TaxonomyCatalog.Default.Statuses.NameOf(resource.Status)}”状态，不能直接替换文件；已发布资源请新建资源提交评审 (the file of a reviewed or locked item cannot be replaced)",
                "$value");
        if (context.Request.ContentLength > limits.MaxBytes)
            throw TooLarge();
        // Kestrel's 30 MB default would cut lessons short; the blob store enforces our own limit while streaming.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            bodyLimit.MaxRequestBodySize = limits.MaxBytes + 1;

        var declared = context.Request.ContentType ?? "application/octet-stream";
        var sniffed = await ContentSniffer.SniffAsync(context.Request.Body, context.RequestAborted);
        if (!ContentSniffer.IsCompatible(declared, sniffed.MediaType))
            throw new ODataProblem(StatusCodes.Status415UnsupportedMediaType, "ContentTypeMismatch",
                $"文件内容与声明的类型不符：声明为 {declared}，实际为 {sniffed.MediaType ?? "未知"} (declared Content-Type does not match the bytes)",
                "Content-Type");
        var contentType = IsGeneric(declared) ? sniffed.MediaType ?? declared : declared;

        try
        {
            await using var body = sniffed.Content;
            await files.StoreAsync(resource, body, UploadFileName.From(context.Request), contentType, context.RequestAborted);
        }
        catch (BlobTooLargeException)
        {
            throw TooLarge();
        }
        await resources.SaveConcurrentAsync(context);
        ResourceHandler.SetETag(context, resource);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    public async Task GetAsync(HttpContext context, object key)
    {
        var resource = await resources.FindVisibleAsync(context, key);
        var file = resource.File ?? throw ODataProblem.NotFound("该资源尚未上传文件 (this resource has no file yet)");
        await responder.ServeAsync(context, new BlobResponse(file.BlobKey, file.ContentType, $"\"{file.Sha256}\"", file.FileName),
            ct => downloads.CountAsync(resource.Id, ct));
    }

    /// <summary>A declaration that says nothing about the bytes: trust the sniffed type instead.</summary>
    private static bool IsGeneric(string contentType) =>
        contentType.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("binary/octet-stream", StringComparison.OrdinalIgnoreCase);

    private ODataProblem TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge",
            $"文件超过上限 {limits.MaxBytes / (1024 * 1024)} MB (the file exceeds the size limit)", "$value");
}
