using Microsoft.EntityFrameworkCore;
using ResourceHub.Api.Resources;
using ResourceHub.Blobs;
using ResourceHub.Data;
using ResourceHub.Domain.Jobs;
using ResourceHub.Media.Pipeline;
using ResourceHub.Media.Text;

namespace ResourceHub.Api.Media;

/// <summary>What one job made, still on local disk: the outputs of the pipeline and the probed duration.</summary>
/// <param name="Text">Text found inside the file (PDF, Office Open XML); null when its type has none.</param>
public sealed record ProcessedMedia(string OutputDirectory, IReadOnlyList<RenditionOutput> Outputs, double? DurationSeconds, string? Note,
    string? Text = null);

/// <summary>
/// Second step of upload → object store → media job: copies the original out of the blob store
/// into a temp folder and runs the pipeline that its type calls for.
/// </summary>
public sealed class MediaJobProcessor(ResourceHubDbContext db, IBlobStore blobs, MediaPipeline pipeline)
{
    public const string PreviewUnavailable = "PDF 预览暂不可用：服务器未安装 pdftoppm (previews unavailable: {0})";
    public const string OfficePreviewUnavailable = "文档预览暂不可用：服务器未安装 LibreOffice (previews unavailable: soffice is not installed)";

    /// <param name="workDir">Empty folder owned by this job; the caller deletes it.</param>
    public async Task<ProcessedMedia> ProcessAsync(MediaJob job, string workDir, IProgress<MediaProgress> progress, CancellationToken ct)
    {
        var resource = await db.Resources.AsNoTracking().SingleOrDefaultAsync(r => r.Id == job.ResourceId, ct);
        var outputDir = Path.Combine(workDir, "out");
        if (resource?.File is not { } file)
            return new ProcessedMedia(outputDir, [], null, null);

        var kind = MediaKinds.Of(file.ContentType, file.FileName);
        var extension = MediaKinds.SafeExtension(file.FileName);
        var openXml = OfficeText.Handles(extension);
        if (kind == MediaKind.Other && !openXml)
            return new ProcessedMedia(outputDir, [], null, null);

        var input = Path.Combine(workDir, "original" + extension);
        await DownloadAsync(file.BlobKey, input, ct);
        switch (kind)
        {
            case MediaKind.Video:
                var video = await pipeline.ProcessVideoAsync(input, outputDir, progress, ct);
                var duration = video.Source.Duration ?? video.Source.Video?.Duration;
                return new ProcessedMedia(outputDir, video.Outputs, duration?.TotalSeconds, null);
            case MediaKind.Image:
                return new ProcessedMedia(outputDir, [await pipeline.CreateImageThumbnailAsync(input, outputDir, ct)], null, null);
            case MediaKind.Pdf:
                return await PdfAsync(input, workDir, outputDir, null, ct);
            case MediaKind.Office:
                // Open XML text is read from the file itself (notes included); old binary and OpenDocument files get the PDF's.
                var text = openXml ? OfficeText.Extract(input, extension) : null;
                var pdf = await pipeline.ConvertOfficeToPdfAsync(input, workDir, ct);
                return pdf is null
                    ? new ProcessedMedia(outputDir, [], null, OfficePreviewUnavailable, text)
                    : await PdfAsync(pdf, workDir, outputDir, text, ct);
            default:
                return new ProcessedMedia(outputDir, [], null, null, OfficeText.Extract(input, extension));
        }
    }

    /// <summary>Page images and text of a PDF (an upload or a converted Office file); <paramref name="text"/> when already known.</summary>
    private async Task<ProcessedMedia> PdfAsync(string pdf, string workDir, string outputDir, string? text, CancellationToken ct)
    {
        text ??= await pipeline.ExtractPdfTextAsync(pdf, Path.Combine(workDir, "text"), cancellationToken: ct);
        return await pipeline.CreatePdfPreviewAsync(pdf, outputDir, ct) switch
        {
            PdfPreviewOutcome.Created created => new ProcessedMedia(outputDir, [created.Output], null, null, text),
            PdfPreviewOutcome.Unavailable unavailable =>
                new ProcessedMedia(outputDir, [], null, string.Format(PreviewUnavailable, unavailable.Reason), text),
            _ => throw new InvalidOperationException("unknown PDF preview outcome"),
        };
    }

    private async Task DownloadAsync(string key, string path, CancellationToken ct)
    {
        var blob = await blobs.OpenReadAsync(key, null, ct)
                   ?? throw new MediaProcessingException(new MediaError(MediaErrorCode.ToolFailed, JobErrors.OriginalMissing, IsTransient: true));
        await using (blob)
        await using (var target = File.Create(path))
            await blob.Content.CopyToAsync(target, 1024 * 1024, ct);
    }
}
