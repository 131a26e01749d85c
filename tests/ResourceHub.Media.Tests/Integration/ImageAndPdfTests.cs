using System.Text;
using ResourceHub.Media.Pipeline;

namespace ResourceHub.Media.Tests.Integration;

[Collection(MediaCollection.Name)]
public class ImageAndPdfTests(MediaFixture media)
{
    private string Image(string name, int width, int height, params string[] codecArgs)
    {
        var path = media.Input(name);
        if (!File.Exists(path))
        {
            var start = new System.Diagnostics.ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
            foreach (var a in new[] { "-hide_banner", "-nostdin", "-y", "-loglevel", "error", "-f", "lavfi", "-i", $"testsrc2=size={width}x{height}", "-frames:v", "1" })
                start.ArgumentList.Add(a);
            foreach (var a in codecArgs)
                start.ArgumentList.Add(a);
            start.ArgumentList.Add(path);
            using var p = System.Diagnostics.Process.Start(start)!;
            var err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, err);
        }
        return path;
    }

    [FfmpegFact]
    public async Task Png_jpeg_and_webp_get_a_320_wide_jpeg_thumbnail()
    {
        var inputs = new[]
        {
            Image("photo.png", 800, 600),
            Image("photo.jpg", 1200, 900, "-q:v", "4"),
            Image("photo.webp", 640, 480, "-c:v", "libwebp"),
        };
        foreach (var input in inputs)
        {
            var output = media.NewOutputDirectory("image");
            var thumbnail = await media.Pipeline.CreateImageThumbnailAsync(input, output);

            var probe = await Probe.FileAsync(Path.Combine(output, thumbnail.RelativePath));
            Assert.Equal(("mjpeg", 320, 240), (probe.VideoStreams[0].Codec, probe.VideoStreams[0].Width, probe.VideoStreams[0].Height));
            Assert.Equal((RenditionKind.Thumbnail, "image/jpeg", 320, 240), (thumbnail.Kind, thumbnail.ContentType, thumbnail.Width, thumbnail.Height));
        }
    }

    [FfmpegFact]
    public async Task Small_image_is_not_enlarged()
    {
        var output = media.NewOutputDirectory("small-image");
        var thumbnail = await media.Pipeline.CreateImageThumbnailAsync(Image("icon.png", 200, 100), output);

        var probe = await Probe.FileAsync(Path.Combine(output, thumbnail.RelativePath));
        Assert.Equal((200, 100), (probe.VideoStreams[0].Width, probe.VideoStreams[0].Height));
    }

    [FfmpegFact]
    public async Task Video_is_not_accepted_as_an_image_and_image_not_as_a_video()
    {
        var asImage = await Assert.ThrowsAsync<MediaProcessingException>(() =>
            media.Pipeline.CreateImageThumbnailAsync(media.NoAudio, media.NewOutputDirectory("video-as-image")));
        Assert.Equal((MediaErrorCode.Unsupported, false), (asImage.Error.Code, asImage.IsTransient));

        var asVideo = await Assert.ThrowsAsync<MediaProcessingException>(() =>
            media.Pipeline.ProcessVideoAsync(Image("photo.png", 800, 600), media.NewOutputDirectory("image-as-video")));
        Assert.Equal((MediaErrorCode.Unsupported, false), (asVideo.Error.Code, asVideo.IsTransient));
    }

    [FfmpegFact]
    public async Task Pdf_first_page_becomes_a_640_px_png()
    {
        var pdf = media.Input("lesson-plan.pdf");
        File.WriteAllBytes(pdf, MinimalPdf(pageWidth: 612, pageHeight: 792));
        var output = media.NewOutputDirectory("pdf");

        var outcome = await media.Pipeline.CreatePdfPreviewAsync(pdf, output);

        var preview = Assert.IsType<PdfPreviewOutcome.Created>(outcome).Output;
        Assert.Equal((RenditionKind.Preview, "preview", "image/png", "preview.png"), (preview.Kind, preview.KindKey, preview.ContentType, preview.RelativePath));
        var probe = await Probe.FileAsync(Path.Combine(output, preview.RelativePath));
        Assert.Equal("png", probe.VideoStreams[0].Codec);
        Assert.Equal(640, probe.VideoStreams[0].Height);
        Assert.InRange(probe.VideoStreams[0].Width, 494, 495); // 612/792 of 640
    }

    [FfmpegFact]
    public async Task Broken_pdf_is_a_deterministic_error()
    {
        var pdf = media.Input("broken.pdf");
        File.WriteAllText(pdf, "%PDF-1.4 this is not really a pdf");

        var error = await Assert.ThrowsAsync<MediaProcessingException>(() => media.Pipeline.CreatePdfPreviewAsync(pdf, media.NewOutputDirectory("broken-pdf")));
        Assert.Equal((MediaErrorCode.NotMedia, false), (error.Error.Code, error.IsTransient));
    }

    [Fact]
    public async Task Pdf_preview_is_unavailable_without_pdftoppm()
    {
        var pipeline = new MediaPipeline(new MediaToolOptions { PdftoppmPath = "/nonexistent/pdftoppm" });
        var pdf = Path.Combine(media.Root, "unavailable.pdf");
        File.WriteAllBytes(pdf, MinimalPdf(100, 100));

        var outcome = await pipeline.CreatePdfPreviewAsync(pdf, media.NewOutputDirectory("no-pdftoppm"));

        Assert.Contains("pdftoppm", Assert.IsType<PdfPreviewOutcome.Unavailable>(outcome).Reason);
    }

    /// <summary>A one-page PDF with a line of text; xref offsets computed so strict readers accept it.</summary>
    private static byte[] MinimalPdf(int pageWidth, int pageHeight)
    {
        const string content = "BT /F1 24 Tf 72 700 Td (Lesson plan) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {pageWidth} {pageHeight}] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
