namespace ResourceHub.Application.Intake;

/// <summary>ResourceHub:Import — limits on a package and on the job that imports it.</summary>
public sealed class ImportOptions
{
    /// <summary>The largest ZIP the API accepts (streamed to a temporary blob).</summary>
    public long MaxZipBytes { get; set; } = 4L * 1024 * 1024 * 1024;
    /// <summary>Entries in one ZIP or files in one folder; read from the ZIP's end record before anything else.</summary>
    public int MaxEntries { get; set; } = 20_000;
    /// <summary>The sum of the entries' sizes once unpacked.</summary>
    public long MaxUnpackedBytes { get; set; } = 16L * 1024 * 1024 * 1024;
    /// <summary>Unpacked ÷ packed size above which an entry (over 1 MB) is taken for a ZIP bomb.</summary>
    public int MaxRatio { get; set; } = 200;
    /// <summary>A worker holds a job this long between renewals; after a crash another takes it over then.</summary>
    public int LeaseSeconds { get; set; } = 120;
    public int PollMilliseconds { get; set; } = 1000;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);
}
