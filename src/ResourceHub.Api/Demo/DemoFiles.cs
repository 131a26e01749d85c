using System.Diagnostics;
using System.Text;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Api.Demo;

/// <summary>
/// Small real files for demo resources: Markdown for written work, a one-page PDF for courseware and,
/// when ffmpeg is installed, a few seconds of test video for video kinds.
/// </summary>
public static class DemoFiles
{
    private static readonly HashSet<string> VideoKinds = ["micro-lesson", "lesson-record", "story-video"];

    public sealed record DemoFile(string FileName, string ContentType, byte[] Bytes);

    public static async Task<DemoFile?> ForAsync(Resource resource, CancellationToken ct)
    {
        if (VideoKinds.Contains(resource.Kind))
            return await VideoAsync(resource, ct);
        if (resource.Kind == "courseware")
            return new DemoFile($"{resource.Title}.pdf", "application/pdf", Pdf(resource.Title));
        var markdown = $"# {resource.Title}\n\n{resource.Description}\n\n## 教学目标\n\n1. 理解核心概念\n2. 能在情境中运用\n\n## 教学过程\n\n- 情境导入\n- 合作探究\n- 总结反思\n";
        return new DemoFile($"{resource.Title}.md", "text/markdown", Encoding.UTF8.GetBytes(markdown));
    }

    /// <summary>A minimal one-page PDF (the title in ASCII: the built-in PDF fonts have no Chinese glyphs).</summary>
    private static byte[] Pdf(string title) => OnePagePdf($"ResourceHub demo courseware ({Math.Abs(title.GetHashCode() % 10000)})");

    /// <summary>A one-page PDF showing one ASCII line in Helvetica, with a correct cross-reference table.</summary>
    public static byte[] OnePagePdf(string text)
    {
        var stream = $"BT /F1 18 Tf 72 720 Td ({text}) Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
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

    private static async Task<DemoFile?> VideoAsync(Resource resource, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"rh-demo-{Guid.NewGuid():N}.mp4");
        try
        {
            var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in new[] { "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25:duration=3",
                         "-f", "lavfi", "-i", "sine=frequency=440:duration=3", "-c:v", "libx264", "-preset", "ultrafast",
                         "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", "-y", path })
                start.ArgumentList.Add(arg);
            using var process = Process.Start(start);
            if (process is null)
                return null;
            await process.WaitForExitAsync(ct);
            return process.ExitCode == 0 ? new DemoFile($"{resource.Title}.mp4", "video/mp4", await File.ReadAllBytesAsync(path, ct)) : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // ffmpeg is not installed: the demo item simply has no video yet
        }
        finally
        {
            File.Delete(path);
        }
    }
}
