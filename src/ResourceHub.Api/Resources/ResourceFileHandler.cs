using Microsoft.AspNetCore.Http.Features;
using ResourceHub.Api.Curation;
using ResourceHub.Api.OData;
using ResourceHub.Blobs;
using ResourceHub.Blobs.Sniffing;

namespace ResourceHub.Api.Resources;

/// <summary>
/// The media stream of a resource: PUT streams the body into the blob store (hashing on the way,
/// never holding it in memory); GET serves it with Range, ETag and the original Chinese file name.
/// </summary>
public sealed class ResourceFileHandler(ResourceHandler resources, ResourceFileStore files, IBlobStore blobs, BlobStoreLimits limits,
    DownloadCounter downloads)
{
    private const int DownloadBufferSize = 1024 * 1024;

    public async Task PutAsync(HttpContext context, object key)
    {
        var caller = context.RequireCaller();
        var resource = await resources.FindModifiableAsync(context, key, caller);
        Preconditions.CheckIfMatch(context.Request, resource.ETag);
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
        var etag = $"\"{file.Sha256}\"";
        context.Response.Headers.AcceptRanges = "bytes";
        context.Response.Headers.ETag = etag;
        if (context.Request.Headers.IfNoneMatch.ToString() is { Length: > 0 } ifNoneMatch
            && ifNoneMatch.Split(',', StringSplitOptions.TrimEntries).Any(t => t == "*" || Preconditions.Same(t, etag)))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        ByteRange? range = ByteRange.TryParse(context.Request.Headers.Range.ToString(), out var parsed) ? parsed : null;
        BlobReadResult? blob;
        try
        {
            blob = await blobs.OpenReadAsync(file.BlobKey, range, context.RequestAborted);
        }
        catch (BlobRangeNotSatisfiableException e)
        {
            throw new ODataProblem(StatusCodes.Status416RangeNotSatisfiable, "RangeNotSatisfiable",
                $"请求的范围超出文件大小 {e.TotalLength} 字节 (range not satisfiable)", "Range")
            {
                Headers = { ["Content-Range"] = $"bytes */{e.TotalLength}" },
            };
        }
        if (blob is null)
            throw ODataProblem.NotFound("文件暂不可用，请稍后重试 (the stored file is missing)");

        await using (blob)
        {
            context.Response.ContentType = file.ContentType;
            context.Response.Headers.ContentDisposition = UploadFileName.ContentDisposition(file.FileName);
            context.Response.ContentLength = blob.ContentLength;
            if (blob.Range is { } served)
            {
                context.Response.StatusCode = StatusCodes.Status206PartialContent;
                context.Response.Headers.ContentRange = served.ToContentRange(blob.TotalLength);
            }
            if (HttpMethods.IsHead(context.Request.Method))
                return;
            // A player's follow-up range requests are the same download: count only those starting at byte 0.
            if (blob.Range is null || blob.Range.Value.First == 0)
                await downloads.CountAsync(resource.Id, context.RequestAborted);
            // Large copies: fewer, bigger socket writes (measured by bench/ResourceHub.Bench.Transfer).
            await blob.Content.CopyToAsync(context.Response.Body, DownloadBufferSize, context.RequestAborted);
        }
    }

    /// <summary>A declaration that says nothing about the bytes: trust the sniffed type instead.</summary>
    private static bool IsGeneric(string contentType) =>
        contentType.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("binary/octet-stream", StringComparison.OrdinalIgnoreCase);

    private ODataProblem TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge",
            $"文件超过上限 {limits.MaxBytes / (1024 * 1024)} MB (the file exceeds the size limit)", "$value");
}
