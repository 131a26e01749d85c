namespace ResourceHub.Domain.Jobs;

/// <summary>
/// Durable background work on one resource's file (transcode, thumbnail, preview). Lives in the
/// system of record so it survives restarts; a worker owns it only while its lease is fresh.
/// </summary>
public class MediaJob
{
    public Guid Id { get; set; }
    public string Kind { get; set; } = MediaJobKind.Media;
    public Guid ResourceId { get; set; }
    public string State { get; set; } = JobState.Queued;
    public int Attempts { get; set; }
    public int MaxAttempts { get; set; } = 3;
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
    /// <summary>A queued job is not claimed before this time (retry backoff).</summary>
    public DateTime NextRunAt { get; set; }
    /// <summary>"中文 (English)", shown to teachers as is.</summary>
    public string? LastError { get; set; }
    public double Percent { get; set; }
    public double? EtaSeconds { get; set; }
    public string? Stage { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Bumped on every change: a claim only wins when the row is unchanged since it was read.</summary>
    public long Version { get; set; }

    public bool IsActive => State is JobState.Queued or JobState.Running;

    /// <summary>Running, but its worker stopped renewing the lease: no one is working on it any more.</summary>
    public bool LeaseLapsed(DateTime now) => State == JobState.Running && LeaseUntil < now;
}

public static class MediaJobKind
{
    /// <summary>Whatever the content type calls for: video transcode, image thumbnail or PDF preview.</summary>
    public const string Media = "media";
}

/// <summary>
/// queued → running → succeeded | failed; running → queued (transient failure, backoff);
/// queued|running → cancelled (file replaced); running with an expired lease is claimable again.
/// </summary>
public static class JobState
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
}
