namespace ResourceHub.Domain.Resources;

/// <summary>
/// A training resource (课件, 微课, 课堂实录, …): metadata in the system of record, the file in the blob store.
/// </summary>
public class Resource : ICoreMetadata, Curation.ICurated
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

    /// <summary>生成性资源: the training project (国培/省培 项目) a teacher's contribution came from.</summary>
    public string? TrainingProject { get; set; }
    /// <summary>生成性资源: the workshop (工作坊) it came from.</summary>
    public string? Workshop { get; set; }
    /// <summary>The highest level granted (school … national), a <c>RecommendationLevels</c> code; null until recommended.</summary>
    public string? RecommendationLevel { get; set; }
    /// <summary>0–100 from expert scores, level and Bayesian-averaged ratings; parts in ResourceStats. Null until reviewed or rated.</summary>
    public double? QualityScore { get; set; }

    /// <summary>Bumped on every change; the ETag and the optimistic-concurrency token.</summary>
    public long Version { get; set; }

    public ResourceFile? File { get; set; }

    /// <summary>Play length of a video, probed by the media worker; null until then or for other files.</summary>
    public double? DurationSeconds { get; set; }

    /// <summary>Downloads and teachers' ratings (one row, created by the first download or rating); null when there is none
    /// or it was not loaded. Read it only where the query included it.</summary>
    public Curation.ResourceStats? Stats { get; set; }

    public string ETag => $"W/\"{Version}\"";
}
