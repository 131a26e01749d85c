namespace ResourceHub.Domain.Curation;

/// <summary>The parts of a quality score, each 0–1, kept so the UI can explain the total.</summary>
public sealed record QualityParts(double? ExpertPart, double LevelPart, double? RatingPart, double? BayesianRating, double? Score);

/// <summary>
/// Quality = weighted mean of the expert rubric mean, the recommendation level and a Bayesian-averaged
/// rating (a few stars cannot outrank many). Parts that do not exist yet drop out of the weights.
/// Popularity (downloads) is deliberately not part of it.
/// </summary>
public static class QualityFormula
{
    public const double ExpertWeight = 0.5;
    public const double LevelWeight = 0.2;
    public const double RatingWeight = 0.3;
    /// <summary>The prior: an unrated item counts as this many ratings of <see cref="PriorStars"/>.</summary>
    public const double PriorCount = 5;
    public const double PriorStars = 3;

    public static QualityParts Compute(double? expertFraction, string? level, int ratingCount, int ratingSum)
    {
        var levelPart = (double)RecommendationLevels.Rank(level) / RecommendationLevels.Ordered.Count;
        double? bayes = ratingCount == 0 ? null : (PriorCount * PriorStars + ratingSum) / (PriorCount + ratingCount);
        double? ratingPart = bayes is { } b ? (b - Rating.MinStars) / (Rating.MaxStars - Rating.MinStars) : null;
        var weighted = new List<(double Weight, double Part)>();
        if (expertFraction is { } e)
            weighted.Add((ExpertWeight, e));
        if (level is not null)
            weighted.Add((LevelWeight, levelPart));
        if (ratingPart is { } r)
            weighted.Add((RatingWeight, r));
        double? score = weighted.Count == 0
            ? null
            : Math.Round(100 * weighted.Sum(w => w.Weight * w.Part) / weighted.Sum(w => w.Weight), 2);
        return new(expertFraction, levelPart, ratingPart, bayes, score);
    }
}
