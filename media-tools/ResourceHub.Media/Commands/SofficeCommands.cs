namespace ResourceHub.Media.Commands;

/// <summary>
/// Every LibreOffice (soffice) argument list the service runs, beside <see cref="FfmpegCommands"/>.
/// Lists exclude the executable itself.
/// </summary>
public static class SofficeCommands
{
    // The import filter is named, never guessed: without it soffice "converts" any unreadable file
    // through its plain-text import and exits 0, so a corrupt deck would get a preview of its bytes.
    private static readonly Dictionary<string, string> InputFilters = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pptx"] = "Impress MS PowerPoint 2007 XML",
        [".ppt"] = "MS PowerPoint 97",
        [".odp"] = "impress8",
        [".docx"] = "MS Word 2007 XML",
        [".doc"] = "MS Word 97",
        [".odt"] = "writer8",
        [".xlsx"] = "Calc MS Excel 2007 XML",
        [".xls"] = "MS Excel 97",
    };

    /// <summary>Extensions that become a PDF (and then page images) through LibreOffice.</summary>
    public static bool Converts(string extension) => InputFilters.ContainsKey(extension);

    /// <summary>
    /// Headless conversion of <paramref name="input"/> to <c>{outputDirectory}/{input name}.pdf</c>, with its own
    /// profile folder (concurrent or leftover profiles lock each other out) and no first-start, restore or lock dialogs.
    /// </summary>
    public static IReadOnlyList<string> ConvertToPdf(string input, string outputDirectory, string profileDirectory) =>
    [
        "-env:UserInstallation=" + new Uri(Path.GetFullPath(profileDirectory)).AbsoluteUri,
        "--headless", "--invisible", "--nologo", "--nodefault", "--norestore", "--nolockcheck",
        "--infilter=" + InputFilters[Path.GetExtension(input)],
        "--convert-to", "pdf",
        "--outdir", outputDirectory,
        input,
    ];
}
