using Microsoft.AspNetCore.StaticFiles;
using ResourceHub.Api.OData;
using ResourceHub.Api.Resources;
using ResourceHub.Application.Intake;
using ResourceHub.Blobs;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Api.Intake;

/// <summary>
/// An imported row's file takes the upload path: the type its name declares is checked against its bytes
/// (a PDF that is also a ZIP is refused), then <see cref="ResourceFileStore"/> stores it and queues its media work.
/// </summary>
public sealed class ImportFileStore(ResourceFileStore files, BlobStoreLimits limits) : IImportFiles
{
    private static readonly FileExtensionContentTypeProvider Types = new();

    public async Task<Func<Task>> StoreAsync(Resource resource, Stream content, string fileName, CancellationToken ct)
    {
        var declared = Types.TryGetContentType(fileName, out var type) ? type : "application/octet-stream";
        ResourceFileHandler.Upload upload;
        try
        {
            upload = await ResourceFileHandler.SniffAsync(content, declared, fileName, ct);
        }
        catch (ODataProblem problem)
        {
            throw Application.AppError.BadRequest($"文件“{fileName}”：{problem.Message}", "FileName");
        }
        try
        {
            await using var body = upload.Content;
            var stored = await files.StoreAsync(resource, body, upload.FileName, upload.ContentType, ct);
            return () => files.AbandonAsync(stored);
        }
        catch (BlobTooLargeException)
        {
            throw Application.AppError.BadRequest($"文件“{fileName}”超过上限 {limits.MaxBytes / (1024 * 1024)} MB (the file exceeds the size limit)", "FileName");
        }
    }
}
