using ResourceHub.Media.Commands;
using ResourceHub.Media.Processes;

namespace ResourceHub.Media.Pipeline;

/// <summary>
/// PowerPoint, Word, Excel and OpenDocument files to PDF through LibreOffice headless, so they get the PDF's page
/// images and text. One conversion at a time per process: soffice takes hundreds of MB and both cores while it
/// runs. Each run has its own profile folder, deleted afterwards; a run past its limit is killed with its children.
/// </summary>
public sealed class OfficeConverter(MediaToolOptions tools, FfmpegRunner runner)
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static bool Converts(string extension) => SofficeCommands.Converts(extension);

    /// <summary>The PDF's path inside <paramref name="workDirectory"/>, or null when LibreOffice is not installed.</summary>
    /// <exception cref="MediaProcessingException">Unconvertible (damaged, password-protected) or the run failed or timed out.</exception>
    public async Task<string?> ConvertToPdfAsync(string inputPath, string workDirectory, CancellationToken cancellationToken = default)
    {
        var soffice = ToolLocator.Find(tools.SofficePath, "soffice");
        if (soffice is null)
            return null;
        var outputDirectory = Path.Combine(workDirectory, "pdf");
        var profile = Path.Combine(tools.OfficeProfileRoot ?? Path.GetTempPath(), "rh-soffice-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outputDirectory);
        await OneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await runner.RunCheckedAsync(soffice, SofficeCommands.ConvertToPdf(inputPath, outputDirectory, profile),
                tools.OfficeTimeout, null, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            OneAtATime.Release();
            DeleteQuietly(profile);
        }
        // soffice exits 0 when it cannot load the file ("source file could not be loaded"); only the missing PDF tells.
        var pdf = Path.Combine(outputDirectory, Path.GetFileNameWithoutExtension(inputPath) + ".pdf");
        if (!File.Exists(pdf) || new FileInfo(pdf).Length == 0)
            throw new MediaProcessingException(new MediaError(MediaErrorCode.Unconvertible,
                "The document cannot be converted: it is damaged or password-protected.", IsTransient: false));
        return pdf;
    }

    private static void DeleteQuietly(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A killed soffice may still be letting go of a file; the temp folder is cleaned by the OS eventually.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
