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
/// <param name="Frames">A video's duplicate fingerprint (a hash per second); null for other files.</param>
public sealed record ProcessedMedia(string OutputDirectory, IReadOnlyList<RenditionOutput> Outputs, double? DurationSeconds, string? Note,
    string? Text = null, ulong[]? Frames = null);

/// <summary>
/// Second step of upload → object store → media job: copies the original out of the blob store
/// into a temp folder and runs the pipeline that its type calls for.
/// </summary>
public sealed class MediaJobProcessor(ResourceHubDbContext db, IBlobStore blobs, MediaPipeline pipeline)
{
    public const string PreviewUnavailable = "PDF 预览暂不可用：服务器未安装 pdftoppm (previews unavailable: {0})";

    /// <param name="workDir">Empty folder owned by this job; the caller deletes it.</param>
    public async Task<ProcessedMedia> ProcessAsync(MediaJob job, string workDir, IProgress<MediaProgress> progress, CancellationToken ct)
    {
        var resource = await db.Resources.AsNoTracking().SingleOrDefaultAsync(r => r.Id == job.ResourceId, ct);
        var outputDir = Path.Combine(workDir, "out");
        if (resource?.File is not { } file)
            return new ProcessedMedia(outputDir, [], null, null);

        var kind = MediaKinds.Of(file.ContentType, file.FileName);
        var extension = MediaKinds.SafeExtension(file.FileName);
        var office = OfficeText.Handles(extension);
        if (kind == MediaKind.Other && !office)
            return new ProcessedMedia(outputDir, [], null, null);

        var input = Path.Combine(workDir, "original" + extension);
        await DownloadAsync(file.BlobKey, input, ct);
        if (kind == MediaKind.Other)
            return new ProcessedMedia(outputDir, [], null, null, OfficeText.Extract(input, extension));
        switch (kind)
        {
            case MediaKind.Video:
                var video = await pipeline.ProcessVideoAsync(input, outputDir, progress, ct);
                var duration = video.Source.Duration ?? video.Source.Video?.Duration;
                var frames = await pipeline.FingerprintVideoAsync(input, Path.Combine(workDir, "frames"), duration ?? TimeSpan.Zero, ct);
                return new ProcessedMedia(outputDir, video.Outputs, duration?.TotalSeconds, null, Frames: frames);
            case MediaKind.Image:
                return new ProcessedMedia(outputDir, [await pipeline.CreateImageThumbnailAsync(input, outputDir, ct)], null, null);
            default:
                var text = await pipeline.ExtractPdfTextAsync(input, Path.Combine(workDir, "text"), cancellationToken: ct);
                return await pipeline.CreatePdfPreviewAsync(input, outputDir, ct) switch
                {
                    PdfPreviewOutcome.Created created => new ProcessedMedia(outputDir, [created.Output], null, null, text),
                    PdfPreviewOutcome.Unavailable unavailable =>
                        new ProcessedMedia(outputDir, [], null, string.Format(PreviewUnavailable, unavailable.Reason), text),
                    _ => throw new InvalidOperationException("unknown PDF preview outcome"),
                };
        }
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
