namespace ResourceHub.Media;

/// <summary>Where the external tools live. Null paths are looked up on PATH.</summary>
public sealed record MediaToolOptions
{
    public string? FfmpegPath { get; init; }
    public string? FfprobePath { get; init; }
    public string? PdftoppmPath { get; init; }
    public string? PdftotextPath { get; init; }
    public string? PdfinfoPath { get; init; }
    public string? SofficePath { get; init; }

    /// <summary>Limit for one LibreOffice conversion (a large deck takes tens of seconds on a busy 2-core box).</summary>
    public TimeSpan OfficeTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Where each conversion's throw-away LibreOffice profile folder is made; null = the system temp folder.</summary>
    public string? OfficeProfileRoot { get; init; }

    /// <summary>Limit for short tool runs (probe, poster, thumbnail, PDF page).</summary>
    public TimeSpan ShortTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Fixed part of a transcode's time limit.</summary>
    public TimeSpan TranscodeBaseTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Added per second of source media. A 45-minute lesson on a slow 2-core box may need
    /// several times realtime, so the limit scales with duration rather than being fixed.
    /// </summary>
    public double TranscodeTimeoutPerMediaSecond { get; init; } = 4.0;

    public TimeSpan TranscodeTimeout(TimeSpan mediaDuration) =>
        TranscodeBaseTimeout + TimeSpan.FromSeconds(mediaDuration.TotalSeconds * TranscodeTimeoutPerMediaSecond);
}
