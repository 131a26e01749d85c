namespace ResourceHub.Domain.Resources;

/// <summary>
/// A training resource (课件, 微课, 课堂实录, …): metadata in the system of record, the file in the blob store.
/// </summary>
public class Resource
{
    public Guid Id { get; set; }
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>Markdown.</summary>
    public string? Description { get; set; }
    public string Subject { get; set; } = "";
    public string Stage { get; set; } = "";
    public List<string> Topics { get; set; } = [];
    public List<string> Tags { get; set; } = [];
    public string? Grade { get; set; }
    public string OwnerOrg { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    /// <summary>UTC, like every timestamp in the model.</summary>
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string Status { get; set; } = ResourceStatus.Draft;

    /// <summary>Bumped on every change; the ETag and the optimistic-concurrency token.</summary>
    public long Version { get; set; }

    public ResourceFile? File { get; set; }

    /// <summary>Play length of a video, probed by the media worker; null until then or for other files.</summary>
    public double? DurationSeconds { get; set; }

    public string ETag => $"W/\"{Version}\"";
}
