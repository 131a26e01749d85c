namespace ResourceHub.Domain.Curation;

/// <summary>The parts of a quality score, each 0–1, kept so the UI can explain the total.</summary>
public sealed record QualityParts(double? ExpertPart, double LevelPart, double? RatingPart, double? BayesianRating, double? Score);

/// <summary>
/// Quality (0–100): a base from the expert rubric mean and a Bayesian-averaged rating (a few stars
/// cannot outrank many), then lifted towards 100 by the recommendation level, so a recommendation
/// never lowers it. Parts that do not exist yet drop out of the base; with only a level the base is
/// neutral. Popularity (downloads) is deliberately not part of it.
/// </summary>
public static class QualityFormula
{
    public const double ExpertWeight = 0.6;
    public const double RatingWeight = 0.4;
    /// <summary>How much of the gap to 100 the national level closes; lower levels close proportionally less.</summary>
    public const double LevelLift = 0.5;
    public const double NeutralBase = 0.5;
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
        if (ratingPart is { } r)
            weighted.Add((RatingWeight, r));
        double? baseline = weighted.Count > 0
            ? weighted.Sum(w => w.Weight * w.Part) / weighted.Sum(w => w.Weight)
            : level is not null ? NeutralBase : null;
        double? score = baseline is { } x ? Math.Round(100 * (x + (1 - x) * LevelLift * levelPart), 2) : null;
        return new(expertFraction, levelPart, ratingPart, bayes, score);
    }
}
