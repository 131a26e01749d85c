namespace ResourceHub.Domain.Curation;

/// <summary>
/// Popularity and quality of one resource. Downloads and ratings are popularity; the expert mean
/// and level are the experts' judgement; QualityScore combines them (see <see cref="QualityFormula"/>).
/// </summary>
public class ResourceStats
{
    public Guid ResourceId { get; set; }
    /// <summary>Counted by the download path in one SQL increment (DownloadCounter), never read-modify-write.</summary>
    public long Downloads { get; set; }
    public int RatingCount { get; set; }
    public int RatingSum { get; set; }
    /// <summary>The teachers' mean stars (1–5), null before the first rating.</summary>
    public double? RatingMean => RatingCount == 0 ? null : (double)RatingSum / RatingCount;
    /// <summary>Mean rubric total of the reviews that published the item, as a fraction of the maximum.</summary>
    public double? ExpertMean { get; set; }
    public double? ExpertPart { get; set; }
    public double LevelPart { get; set; }
    public double? RatingPart { get; set; }
    public double? BayesianRating { get; set; }
    public double? QualityScore { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Replaces (or adds) one teacher's stars in the running totals.</summary>
    public void ApplyRating(int? previousStars, int stars)
    {
        if (previousStars is { } p)
            RatingSum -= p;
        else
            RatingCount++;
        RatingSum += stars;
    }

    /// <summary>Recomputes the parts and returns the score to copy onto the resource.</summary>
    public double? Recompute(string? level, DateTime at)
    {
        var parts = QualityFormula.Compute(ExpertMean, level, RatingCount, RatingSum);
        ExpertPart = parts.ExpertPart;
        LevelPart = parts.LevelPart;
        RatingPart = parts.RatingPart;
        BayesianRating = parts.BayesianRating;
        QualityScore = parts.Score;
        UpdatedAt = at;
        return QualityScore;
    }
}
