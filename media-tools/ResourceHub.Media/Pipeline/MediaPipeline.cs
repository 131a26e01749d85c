using ResourceHub.Media.Commands;
using ResourceHub.Media.Probing;
using ResourceHub.Media.Processes;
using ResourceHub.Media.Text;
using ResourceHub.Media.Verification;

namespace ResourceHub.Media.Pipeline;

/// <summary>
/// Local-file media processing: input path in, verified renditions in an output directory out.
/// The output directory should belong to one job; file names inside it are fixed.
/// </summary>
public sealed class MediaPipeline
{
    public const string Mp4FileName = "video-720p.mp4";
    public const string HlsDirectory = "hls";
    public const string PosterFileName = "poster.jpg";
    public const string ThumbnailFileName = "thumbnail.jpg";
    public const string PreviewFileName = "preview.png";
    /// <summary>pdftotext reads no further: 200 KB of text is reached long before on any real document.</summary>
    public const int MaxPdfTextPages = 500;

    // One ffmpeg process does nearly all the work; probing and verification (ffprobe) are quick.
    private static readonly (MediaStage, double)[] VideoStages =
        [(MediaStage.Probing, 2), (MediaStage.Transcoding, 94), (MediaStage.Verifying, 4)];

    private readonly FfmpegRunner _runner;
    private readonly OutputVerifier _verifier;
    private readonly OfficeConverter _office;

    public MediaPipeline(MediaToolOptions? tools = null, TranscodeSettings? settings = null)
    {
        Tools = tools ?? new MediaToolOptions();
        Commands = new FfmpegCommands(settings ?? new TranscodeSettings());
        _runner = new FfmpegRunner(Tools);
        _verifier = new OutputVerifier(_runner, Commands.Settings);
        _office = new OfficeConverter(Tools, _runner);
    }

    public MediaToolOptions Tools { get; }
    public FfmpegCommands Commands { get; }

    /// <summary>Probe, then one ffmpeg run for the 720p MP4, the HLS ladder, poster and thumbnail, then each output verified.</summary>
    /// <exception cref="MediaProcessingException">With <see cref="MediaError.IsTransient"/> telling whether to retry.</exception>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> fires; ffmpeg is killed.</exception>
    public async Task<VideoJobResult> ProcessVideoAsync(
        string inputPath,
        string outputDirectory,
        IProgress<MediaProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        (inputPath, outputDirectory) = (SafePath(inputPath), SafePath(outputDirectory));
        var job = new JobProgress(progress, VideoStages);
        job.Report(MediaStage.Probing, 0);
        var probe = await ProbeVideoAsync(inputPath, cancellationToken).ConfigureAwait(false);
        var plan = TranscodePlan.Create(probe, Commands.Settings);
        Directory.CreateDirectory(outputDirectory);
        job.Report(MediaStage.Probing, 100);

        var outputs = OutputsIn(outputDirectory);
        foreach (var rung in plan.HlsRungs)
            Directory.CreateDirectory(outputs.HlsRungDirectory(rung));
        await _runner.RunFfmpegAsync(
            Commands.Transcode(plan, inputPath, outputs),
            Tools.TranscodeTimeout(plan.Duration),
            snapshot => job.Report(MediaStage.Transcoding, snapshot.Percent(plan.Duration), snapshot.Eta(plan.Duration)),
            cancellationToken).ConfigureAwait(false);

        job.Report(MediaStage.Verifying, 0);
        var verified = await VerifyVideoOutputsAsync(plan, outputDirectory, cancellationToken).ConfigureAwait(false);
        job.Report(MediaStage.Done, 100);
        return new VideoJobResult(probe, verified);
    }

    private static VideoOutputs OutputsIn(string outputDirectory) => new(
        Path.Combine(outputDirectory, Mp4FileName),
        Path.Combine(outputDirectory, HlsDirectory),
        Path.Combine(outputDirectory, PosterFileName),
        Path.Combine(outputDirectory, ThumbnailFileName));

    private async Task<IReadOnlyList<RenditionOutput>> VerifyVideoOutputsAsync(TranscodePlan plan, string outputDirectory, CancellationToken cancellationToken)
    {
        var mp4 = await _verifier.VerifyMp4Async(outputDirectory, Mp4FileName, plan.Mp4, plan, cancellationToken).ConfigureAwait(false);
        var hls = await _verifier.VerifyHlsAsync(outputDirectory, HlsDirectory, plan, cancellationToken).ConfigureAwait(false);
        var poster = await _verifier.VerifyImageAsync(RenditionKind.Poster, outputDirectory, PosterFileName, "mjpeg", ContentTypes.Jpeg,
            plan.Mp4.Width, plan.Mp4.Height, cancellationToken).ConfigureAwait(false);
        var thumbnail = await _verifier.VerifyImageAsync(RenditionKind.Thumbnail, outputDirectory, ThumbnailFileName, "mjpeg", ContentTypes.Jpeg,
            plan.Thumbnail.Width, plan.Thumbnail.Height, cancellationToken).ConfigureAwait(false);
        return [mp4, hls, poster, thumbnail];
    }

    /// <summary>Probes and rejects what cannot become a video rendition.</summary>
    public async Task<MediaProbe> ProbeVideoAsync(string inputPath, CancellationToken cancellationToken = default)
    {
        inputPath = SafePath(inputPath);
        RequireFile(inputPath);
        MediaProbe probe;
        try
        {
            probe = await _runner.ProbeAsync(inputPath, cancellationToken).ConfigureAwait(false);
        }
        catch (MediaProcessingException e) when (e.Error.Code == MediaErrorCode.Truncated && !Mp4Atoms.StartsLikeMp4(inputPath))
        {
            // The mov demuxer is chosen from the .mp4 name alone; without an ftyp box this was never an MP4.
            throw new MediaProcessingException(e.Error with { Code = MediaErrorCode.NotMedia, Message = "The file is not a video or audio format that can be read." });
        }
        if (IsStillImage(probe))
            throw Unsupported("The file is an image, not a video.");
        var video = probe.Video ?? throw Unsupported("The file has no video stream.");
        if (video.Width <= 0 || video.Height <= 0)
            throw Unsupported("The video stream has no picture size.");
        if ((probe.Duration ?? video.Duration) is not { TotalSeconds: >= 0.1 })
            throw Unsupported("The video has no usable duration.");
        return probe;
    }

    /// <summary>Small JPEG of an uploaded JPEG/PNG/WebP image, never enlarged.</summary>
    public async Task<RenditionOutput> CreateImageThumbnailAsync(string inputPath, string outputDirectory, CancellationToken cancellationToken = default)
    {
        (inputPath, outputDirectory) = (SafePath(inputPath), SafePath(outputDirectory));
        RequireFile(inputPath);
        var probe = await _runner.ProbeAsync(inputPath, cancellationToken).ConfigureAwait(false);
        var image = probe.VideoStreams.FirstOrDefault();
        if (!IsStillImage(probe) || image is null || image.Width <= 0 || image.Height <= 0)
            throw Unsupported("The file is not a JPEG, PNG or WebP image.");

        var (width, height) = Geometry.FitWidth(image.Width, image.Height, Commands.Settings.ThumbnailWidth);
        Directory.CreateDirectory(outputDirectory);
        var output = Path.Combine(outputDirectory, ThumbnailFileName);
        await _runner.RunFfmpegAsync(Commands.ImageThumbnail(inputPath, width, height, output), Tools.ShortTimeout, null, cancellationToken)
            .ConfigureAwait(false);
        return await _verifier.VerifyImageAsync(RenditionKind.Thumbnail, outputDirectory, ThumbnailFileName, "mjpeg", ContentTypes.Jpeg,
            width, height, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// PNGs of the first <see cref="TranscodeSettings.PdfPreviewPages"/> pages, longest side = PdfPreviewSize, in one
    /// rendition (page 1 first, see <see cref="PageFile"/>) with the document's page count;
    /// "unavailable" when pdftoppm is not installed.
    /// </summary>
    public async Task<PdfPreviewOutcome> CreatePdfPreviewAsync(string inputPath, string outputDirectory, CancellationToken cancellationToken = default)
    {
        (inputPath, outputDirectory) = (SafePath(inputPath), SafePath(outputDirectory));
        RequireFile(inputPath);
        var pdftoppm = ToolLocator.Find(Tools.PdftoppmPath, "pdftoppm");
        if (pdftoppm is null)
            return new PdfPreviewOutcome.Unavailable("pdftoppm (poppler-utils) is not installed.");

        var raw = Path.Combine(outputDirectory, "raw-pages");
        Directory.CreateDirectory(raw);
        try
        {
            await _runner.RunCheckedAsync(pdftoppm, Commands.PdfPages(inputPath, Path.Combine(raw, "p")), Tools.ShortTimeout, null, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (MediaProcessingException e) when (e.Error.Code == MediaErrorCode.ToolFailed)
        {
            // pdftoppm exit codes: 1 = cannot open/parse the PDF, 3 = permissions (encrypted); both are the file's fault.
            if (e.Error.ExitCode is 1 or 3)
                throw new MediaProcessingException(e.Error with
                {
                    Code = MediaErrorCode.NotMedia, Message = "The file is not a readable PDF.", IsTransient = false,
                });
            throw;
        }

        var pages = PlacePages(raw, outputDirectory);
        if (pages.Count == 0)
            throw new MediaProcessingException(new MediaError(MediaErrorCode.NotMedia, "The PDF has no pages.", IsTransient: false));
        var first = await _verifier.VerifyPreviewAsync(outputDirectory, PreviewFileName, Commands.Settings.PdfPreviewSize, cancellationToken)
            .ConfigureAwait(false);
        var pageCount = await CountPdfPagesAsync(inputPath, cancellationToken).ConfigureAwait(false);
        return new PdfPreviewOutcome.Created(first with
        {
            Files = pages.Select(p => new RenditionFile(p, ContentTypes.Png, new FileInfo(Path.Combine(outputDirectory, p)).Length)).ToList(),
            PageCount = pageCount ?? (pages.Count < Commands.Settings.PdfPreviewPages ? pages.Count : null),
        });
    }

    /// <summary>Where page <paramref name="page"/> (from 1) of a preview lives in its rendition set: page 1 is the preview image itself.</summary>
    public static string PageFile(int page) => page == 1 ? PreviewFileName : $"{PagesDirectory}/{page}.png";

    public const string PagesDirectory = "pages";

    // pdftoppm pads page numbers to the width of the document's page count (p-1.png or p-01.png or p-001.png).
    private static List<string> PlacePages(string raw, string outputDirectory)
    {
        var numbered = Directory.GetFiles(raw, "p-*.png")
            .Select(f => (Path: f, Page: int.TryParse(Path.GetFileNameWithoutExtension(f)[2..], out var n) ? n : 0))
            .Where(p => p.Page > 0)
            .OrderBy(p => p.Page)
            .ToList();
        var placed = new List<string>();
        foreach (var (path, page) in numbered)
        {
            var relative = PageFile(page);
            var target = Path.Combine(outputDirectory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(path, target, overwrite: true);
            placed.Add(relative);
        }
        Directory.Delete(raw, recursive: true);
        return placed;
    }

    /// <summary>The PDF's page count from pdfinfo; null when pdfinfo is missing or says nothing usable.</summary>
    private async Task<int?> CountPdfPagesAsync(string inputPath, CancellationToken cancellationToken)
    {
        var pdfinfo = ToolLocator.Find(Tools.PdfinfoPath, "pdfinfo");
        if (pdfinfo is null)
            return null;
        var result = await _runner.RunCheckedAsync(pdfinfo, FfmpegCommands.PdfInfo(inputPath), Tools.ShortTimeout, null, cancellationToken)
            .ConfigureAwait(false);
        return result.StdOut.Split('\n')
            .Where(line => line.StartsWith("Pages:", StringComparison.Ordinal))
            .Select(line => int.TryParse(line["Pages:".Length..].Trim(), out var n) ? n : (int?)null)
            .FirstOrDefault();
    }

    /// <summary>
    /// An Office or OpenDocument file as a PDF (see <see cref="OfficeConverter"/>); null when LibreOffice is not installed.
    /// </summary>
    public Task<string?> ConvertOfficeToPdfAsync(string inputPath, string workDirectory, CancellationToken cancellationToken = default) =>
        _office.ConvertToPdfAsync(SafePath(inputPath), SafePath(workDirectory), cancellationToken);

    /// <summary>Text of a PDF's first pages (pdftotext), bounded; null when pdftotext is not installed.</summary>
    public async Task<string?> ExtractPdfTextAsync(string inputPath, string workDirectory, int maxBytes = ExtractedText.DefaultMaxBytes,
        CancellationToken cancellationToken = default)
    {
        (inputPath, workDirectory) = (SafePath(inputPath), SafePath(workDirectory));
        RequireFile(inputPath);
        var pdftotext = ToolLocator.Find(Tools.PdftotextPath, "pdftotext");
        if (pdftotext is null)
            return null;
        Directory.CreateDirectory(workDirectory);
        var output = Path.Combine(workDirectory, "text.txt");
        try
        {
            await _runner.RunCheckedAsync(pdftotext, FfmpegCommands.PdfText(inputPath, output, MaxPdfTextPages), Tools.ShortTimeout, null, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (MediaProcessingException e) when (e.Error.Code == MediaErrorCode.ToolFailed && e.Error.ExitCode is 1 or 3)
        {
            return ""; // unreadable or encrypted: the preview step reports it; there is simply no text
        }
        var text = new ExtractedText(maxBytes);
        using var reader = new StreamReader(output, System.Text.Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line && text.Add(line.Replace('\f', ' ')))
        {
        }
        return text.ToString();
    }

    // ffprobe reports single images as a one-frame "video" via the image demuxers.
    private static bool IsStillImage(MediaProbe probe) =>
        probe.FormatName.EndsWith("_pipe", StringComparison.Ordinal) || probe.FormatName == "image2";

    // Absolute paths only: ffmpeg reads an argument starting with '-' as an option and
    // "name:rest" as a protocol (concat:, http:, ...), and upload names are not ours to trust.
    private static string SafePath(string path) => Path.GetFullPath(path);

    private static void RequireFile(string inputPath)
    {
        if (!File.Exists(inputPath))
            throw new MediaProcessingException(new MediaError(MediaErrorCode.ToolFailed, $"Input file '{inputPath}' does not exist.", IsTransient: true));
    }

    private static MediaProcessingException Unsupported(string message) =>
        new(new MediaError(MediaErrorCode.Unsupported, message, IsTransient: false));
}
