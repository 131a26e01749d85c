using ResourceHub.Application.Curation;
using ResourceHub.Application.Duplicates;
using ResourceHub.Blobs;
using ResourceHub.Blobs.Sniffing;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Application.Resources;

/// <summary>The item an upload will go to, checked before a byte is stored.</summary>
public sealed record UploadTarget(Caller Caller, Resource Resource, CurationItem Item, EditMode Mode);

/// <summary>
/// An item's file, from any adapter (OData PUT $value, a finished tus upload, a web form): who may upload,
/// whether the bytes are what they claim, and where they go — a draft's file in place, a live item's new file
/// to its pending revision, so teachers keep the reviewed one until it passes.
/// </summary>
public sealed class ResourceUploads(ResourceAuthoring authoring, CurationStore curation, IResourceFiles files, BlobStoreLimits limits,
    ExactDuplicates duplicates)
{
    /// <summary>Who may upload to the item and how: another's item is 403/404, an item under review is refused (409).</summary>
    public async Task<UploadTarget> OpenAsync(Caller caller, Guid id, Action<Resource>? checkVersion, CancellationToken ct)
    {
        var resource = await authoring.FindModifiableAsync(caller, id, ct);
        checkVersion?.Invoke(resource);
        var item = await curation.LoadAsync(resource, ct);
        var mode = EditModes.Of(resource, item.Revision);
        if (mode == EditMode.Locked) // refused before a byte is stored
            throw EditModes.Locked(item.ReviewStatus);
        return new UploadTarget(caller, resource, item, mode);
    }

    public long MaxBytes => limits.MaxBytes;

    public void CheckSize(long? length)
    {
        if (length > limits.MaxBytes)
            throw TooLarge();
    }

    /// <summary>Sniffs the first bytes against the declared type, stores the content as it is read, and saves the item.</summary>
    public async Task<Resource> SaveAsync(UploadTarget target, Stream content, string? declaredType, string fileName, CancellationToken ct)
    {
        var (caller, resource, item, mode) = target;
        var (checkedContent, contentType) = await CheckContentAsync(content, declaredType, ct);
        StoredUpload stored;
        try
        {
            await using var body = checkedContent;
            stored = mode == EditMode.InPlace
                ? await files.StoreAsync(resource, body, fileName, contentType, ct)
                : await files.StageAsync(resource.Id, body, fileName, contentType, ct);
        }
        catch (BlobTooLargeException)
        {
            throw TooLarge();
        }
        try
        {
            await duplicates.CheckAsync(caller, resource, stored.File, replacesCurrent: mode == EditMode.InPlace, ct);
            // The save checks the version the request loaded: of concurrent uploads one switches the row to
            // its own key, the others get 412 and their blobs are swept.
            if (mode == EditMode.InPlace)
                await authoring.SaveConcurrentAsync(ct);
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
        return resource;
    }

    /// <summary>
    /// Sniffs the first bytes against the declared type (a PDF that is also a ZIP is refused); returns the content,
    /// to be read on as it is stored, and the type to keep.
    /// </summary>
    public static async Task<(Stream Content, string ContentType)> CheckContentAsync(Stream content, string? declaredType, CancellationToken ct)
    {
        var declared = UploadContentType.Parse(declaredType);
        var sniffed = await ContentSniffer.SniffAsync(content, ct);
        if (sniffed.IsPolyglot)
            throw new AppError(AppErrorKind.UnsupportedMediaType,
                "文件同时是 PDF 和 ZIP 压缩包，出于安全考虑不予接收 (the file is both a PDF and a ZIP archive; refused)", "$value", "PolyglotFile");
        if (!ContentSniffer.IsCompatible(declared, sniffed.MediaType))
            throw new AppError(AppErrorKind.UnsupportedMediaType,
                $"文件内容与声明的类型不符：声明为 {declared}，实际为 {sniffed.MediaType ?? "未知"} (declared Content-Type does not match the bytes)",
                "Content-Type", "ContentTypeMismatch");
        return (sniffed.Content, IsGeneric(declared) ? sniffed.MediaType ?? declared : declared);
    }

    /// <summary>A declaration that says nothing about the bytes: trust the sniffed type instead.</summary>
    private static bool IsGeneric(string contentType) =>
        contentType.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("binary/octet-stream", StringComparison.OrdinalIgnoreCase);

    public AppError TooLarge() =>
        new(AppErrorKind.TooLarge, $"文件超过上限 {limits.MaxBytes / (1024 * 1024)} MB (the file exceeds the size limit)", "$value", "PayloadTooLarge");
}
