using Microsoft.AspNetCore.Http.Features;
using ResourceHub.Api.Curation;
using ResourceHub.Api.OData;
using ResourceHub.Blobs;
using ResourceHub.Blobs.Sniffing;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Api.Resources;

/// <summary>
/// The media stream of a resource: PUT streams the body into the blob store (hashing on the way,
/// never holding it in memory); GET serves it with Range, ETag and the original Chinese file name.
/// A live item's new file goes to its pending revision, so teachers keep the reviewed one until it passes.
/// </summary>
public sealed class ResourceFileHandler(ResourceHandler resources, ResourceFileStore files, CurationStore curation,
    BlobResponder responder, BlobStoreLimits limits, ResourceDownloads downloads)
{
    internal sealed record Upload(Stream Content, string FileName, string ContentType);

    /// <summary>The item an upload will go to, checked before a byte is stored.</summary>
    internal sealed record Target(Caller Caller, Resource Resource, CurationItem Item, EditMode Mode);

    public async Task PutAsync(HttpContext context, object key)
    {
        var target = await OpenAsync(context, key, checkIfMatch: true);
        CheckSize(context.Request.ContentLength);
        // Kestrel's 30 MB default would cut lessons short; the blob store enforces our own limit while streaming.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            bodyLimit.MaxRequestBodySize = limits.MaxBytes + 1;
        var upload = await SniffAsync(context.Request.Body, context.Request.ContentType, UploadFileName.From(context.Request), context.RequestAborted);
        await SaveAsync(context, target, upload);
    }

    /// <summary>A resumable upload's last part arrived: its parts, read in order, take the same path as a PUT body.</summary>
    internal async Task CompleteAsync(HttpContext context, Guid id, Stream content, string declaredType, string fileName)
    {
        var target = await OpenAsync(context, id, checkIfMatch: false);
        var upload = await SniffAsync(content, declaredType, fileName, context.RequestAborted);
        await SaveAsync(context, target, upload);
    }

    /// <summary>Who may upload to the item and how: another's item is 403/404, an item under review is refused (409).</summary>
    internal async Task<Target> OpenAsync(HttpContext context, object key, bool checkIfMatch)
    {
        var caller = context.RequireCaller();
        var resource = await resources.FindModifiableAsync(context, key, caller);
        if (checkIfMatch)
            Preconditions.CheckIfMatch(context.Request, resource.ETag);
        var item = await curation.LoadAsync(resource, context.RequestAborted);
        var mode = EditModes.Of(resource, item.Revision);
        if (mode == EditMode.Locked) // refused before a byte is stored
            throw EditModes.Locked(item.ReviewStatus);
        return new Target(caller, resource, item, mode);
    }

    internal void CheckSize(long? length)
    {
        if (length > limits.MaxBytes)
            throw TooLarge();
    }

    private async Task SaveAsync(HttpContext context, Target target, Upload upload)
    {
        var (caller, resource, item, mode) = target;
        var ct = context.RequestAborted;
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

    /// <summary>Sniffs the first bytes against the declared type; the content is then read as it is stored.</summary>
    internal static async Task<Upload> SniffAsync(Stream content, string? declaredType, string fileName, CancellationToken ct)
    {
        var declared = UploadContentType.Parse(declaredType);
        var sniffed = await ContentSniffer.SniffAsync(content, ct);
        if (sniffed.IsPolyglot)
            throw new ODataProblem(StatusCodes.Status415UnsupportedMediaType, "PolyglotFile",
                "文件同时是 PDF 和 ZIP 压缩包，出于安全考虑不予接收 (the file is both a PDF and a ZIP archive; refused)", "$value");
        if (!ContentSniffer.IsCompatible(declared, sniffed.MediaType))
            throw new ODataProblem(StatusCodes.Status415UnsupportedMediaType, "ContentTypeMismatch",
                $"文件内容与声明的类型不符：声明为 {declared}，实际为 {sniffed.MediaType ?? "未知"} (declared Content-Type does not match the bytes)",
                "Content-Type");
        var contentType = IsGeneric(declared) ? sniffed.MediaType ?? declared : declared;
        return new Upload(sniffed.Content, fileName, contentType);
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
