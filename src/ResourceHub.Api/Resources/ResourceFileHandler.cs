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
/// A live item's new file goes to its pending revision, so teachers keep the reviewed one until it passes.
/// </summary>
public sealed class ResourceFileHandler(ResourceHandler resources, ResourceFileStore files, CurationStore curation,
    BlobResponder responder, BlobStoreLimits limits, ResourceDownloads downloads)
{
    private sealed record Upload(Stream Content, string FileName, string ContentType);

    public async Task PutAsync(HttpContext context, object key)
    {
        var caller = context.RequireCaller();
        var ct = context.RequestAborted;
        var resource = await resources.FindModifiableAsync(context, key, caller);
        Preconditions.CheckIfMatch(context.Request, resource.ETag);
        var item = await curation.LoadAsync(resource, ct);
        var mode = EditModes.Of(resource, item.Revision);
        if (mode == EditMode.Locked) // refused before a byte is stored
            throw EditModes.Locked(item.ReviewStatus);
        var upload = await ReadAsync(context);
        StoredUpload stored;
        try
        {
            await using var body = upload.Content;
            stored = mode == EditMode.InPlace
                ? await files.StoreAsync(resource, body, upload.FileName, upload.ContentType, ct)
                : await files.StageAsync(resource.Id, body, upload.FileName, upload.ContentType, ct);
        }
        catch (BlobTooLargeException)
        {
            throw TooLarge();
        }
        try
        {
            // The save checks the version the request loaded: of concurrent uploads one switches the row to
            // its own key, the others get 412 and their blobs are swept (PendingBlobs).
            if (mode == EditMode.InPlace)
                await resources.SaveConcurrentAsync(context);
            else
            {
                new CurationWorkflow(new Actor(caller, null), DateTime.UtcNow).ReviseFile(item, stored.File);
                await curation.SaveAsync(item, ct);
            }
        }
        catch
        {
            await files.AbandonAsync(stored);
            throw;
        }
        ResourceHandler.SetETag(context, resource);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    /// <summary>Checks the size and sniffs the first bytes against the declared type; the body is then read as it is stored.</summary>
    private async Task<Upload> ReadAsync(HttpContext context)
    {
        if (context.Request.ContentLength > limits.MaxBytes)
            throw TooLarge();
        // Kestrel's 30 MB default would cut lessons short; the blob store enforces our own limit while streaming.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            bodyLimit.MaxRequestBodySize = limits.MaxBytes + 1;

        var declared = UploadContentType.Parse(context.Request.ContentType);
        var sniffed = await ContentSniffer.SniffAsync(context.Request.Body, context.RequestAborted);
        if (sniffed.IsPolyglot)
            throw new ODataProblem(StatusCodes.Status415UnsupportedMediaType, "PolyglotFile",
                "文件同时是 PDF 和 ZIP 压缩包，出于安全考虑不予接收 (the file is both a PDF and a ZIP archive; refused)", "$value");
        if (!ContentSniffer.IsCompatible(declared, sniffed.MediaType))
            throw new ODataProblem(StatusCodes.Status415UnsupportedMediaType, "ContentTypeMismatch",
                $"文件内容与声明的类型不符：声明为 {declared}，实际为 {sniffed.MediaType ?? "未知"} (declared Content-Type does not match the bytes)",
                "Content-Type");
        var contentType = IsGeneric(declared) ? sniffed.MediaType ?? declared : declared;
        return new Upload(sniffed.Content, UploadFileName.From(context.Request), contentType);
    }

    public async Task GetAsync(HttpContext context, object key)
    {
        var id = (Guid)key;
        var file = await downloads.FindAsync(context.RequireCaller(), id, context.RequestAborted);
        await responder.ServeAsync(context, new BlobResponse(file.BlobKey, file.ContentType, $"\"{file.Sha256}\"", file.FileName),
            ct => downloads.CountAsync(id, ct));
    }

    /// <summary>A declaration that says nothing about the bytes: trust the sniffed type instead.</summary>
    private static bool IsGeneric(string contentType) =>
        contentType.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("binary/octet-stream", StringComparison.OrdinalIgnoreCase);

    private ODataProblem TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge",
            $"文件超过上限 {limits.MaxBytes / (1024 * 1024)} MB (the file exceeds the size limit)", "$value");
}
