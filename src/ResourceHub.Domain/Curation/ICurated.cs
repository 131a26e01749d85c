namespace ResourceHub.Domain.Curation;

/// <summary>
/// What curation acts on: a resource or a 资源包. Both go through the same lifecycle, review, 推优 and
/// level-by-level recommendation; their History, reviews, nominations and review round share one id space.
/// </summary>
public interface ICurated
{
    Guid Id { get; }
    /// <summary>Picks the rubric (a resource kind, or a package kind such as 课例).</summary>
    string Kind { get; }
    /// <summary>学科: who reviews it and whose quota a recommendation uses.</summary>
    string Subject { get; }
    string OwnerOrg { get; set; }
    string CreatedBy { get; }
    string Status { get; set; }
    string? RecommendationLevel { get; set; }
    double? QualityScore { get; set; }
    DateTime UpdatedAt { get; set; }
    /// <summary>The optimistic-concurrency token (the ETag's number).</summary>
    long Version { get; }
}
