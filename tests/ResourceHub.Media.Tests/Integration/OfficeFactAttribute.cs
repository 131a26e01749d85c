using ResourceHub.Media.Processes;

namespace ResourceHub.Media.Tests.Integration;

/// <summary>
/// Needs LibreOffice (soffice) and poppler. Skips only when they are missing AND RESOURCEHUB_REQUIRE_FFMPEG is unset;
/// the test script installs them and sets it, so CI cannot skip silently.
/// </summary>
public sealed class OfficeFactAttribute : FactAttribute
{
    public OfficeFactAttribute()
    {
        var present = ToolLocator.Find(null, "soffice") is not null && ToolLocator.Find(null, "pdftoppm") is not null;
        if (!present && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("RESOURCEHUB_REQUIRE_FFMPEG")))
            Skip = "soffice (LibreOffice) or pdftoppm not found and RESOURCEHUB_REQUIRE_FFMPEG is unset (install libreoffice-core and poppler-utils).";
    }
}
