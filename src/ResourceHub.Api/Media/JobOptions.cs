namespace ResourceHub.Api.Media;

/// <summary>ResourceHub:Jobs — how workers claim, keep and retry media jobs.</summary>
public sealed class JobOptions
{
    public const string Section = "ResourceHub:Jobs";

    /// <summary>How long a claim lasts without a heartbeat; a crashed worker's job is retried after this.</summary>
    public double LeaseSeconds { get; set; } = 60;
    /// <summary>Heartbeat interval; defaults to a third of the lease so two missed beats still keep it.</summary>
    public double? HeartbeatSeconds { get; set; }
    /// <summary>How often an idle worker looks for work.</summary>
    public double PollSeconds { get; set; } = 2;
    public int MaxAttempts { get; set; } = 3;
    /// <summary>First retry delay; doubles per attempt, capped at <see cref="MaxBackoffSeconds"/>.</summary>
    public double BackoffSeconds { get; set; } = 30;
    public double MaxBackoffSeconds { get; set; } = 3600;
    /// <summary>When ffmpeg is not installed the job waits this long before it is tried again.</summary>
    public double ToolMissingRetrySeconds { get; set; } = 60;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);
    public TimeSpan Heartbeat => TimeSpan.FromSeconds(HeartbeatSeconds ?? LeaseSeconds / 3);
    public TimeSpan Poll => TimeSpan.FromSeconds(PollSeconds);
    public TimeSpan ToolMissingRetry => TimeSpan.FromSeconds(ToolMissingRetrySeconds);

    public TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoffSeconds, BackoffSeconds * Math.Pow(2, Math.Max(0, attempts - 1))));
}
