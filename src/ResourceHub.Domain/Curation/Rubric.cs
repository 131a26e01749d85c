namespace ResourceHub.Domain.Curation;

/// <summary>
/// A scoring table for reviews, and the rules that turn reviews into a decision: how many distinct
/// experts, the mean total that publishes, the gap that calls a third expert, and blind review.
/// </summary>
public class Rubric
{
    public const int DefaultRequiredReviews = 2;
    public const int MaxCriteria = 50;
    public const double MaxCriterionPoints = 1000;

    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Resource kinds it is used for; empty means any kind without a more specific rubric.</summary>
    public List<string> Kinds { get; set; } = [];
    public int RequiredReviews { get; set; } = DefaultRequiredReviews;
    /// <summary>Mean total (in points) the reviews must reach to publish.</summary>
    public double PassMean { get; set; }
    /// <summary>Totals further apart than this call one more expert.</summary>
    public double DivergenceGap { get; set; }
    /// <summary>Reviewers do not see who uploaded the item.</summary>
    public bool BlindReview { get; set; }
    /// <summary>The administering organisation (region) that owns the rubric.</summary>
    public string OwnerOrg { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }
    public List<RubricCriterion> Criteria { get; set; } = [];

    public double MaxTotal => Criteria.Sum(c => c.MaxPoints);

    public ReviewRules Rules => new(RequiredReviews, PassMean, DivergenceGap);

    /// <summary>The rubric for a kind among one owner's rubrics: the one listing it, else the oldest for any kind.</summary>
    public static Rubric? For(IEnumerable<Rubric> rubrics, string kind)
    {
        var list = rubrics.ToList();
        return list.FirstOrDefault(r => r.Kinds.Contains(kind)) ?? list.Where(r => r.Kinds.Count == 0).MinBy(r => r.CreatedAt);
    }

    /// <summary>Checks every criterion is scored once within its range; returns the total.</summary>
    public double Score(IReadOnlyList<CriterionScore> scores)
    {
        foreach (var s in scores)
        {
            var criterion = Criteria.FirstOrDefault(c => c.Name == s.Criterion)
                ?? throw CurationError.Invalid($"评分项“{s.Criterion}”不在量规“{Name}”中 (no such criterion)", "scores");
            if (s.Points < 0 || s.Points > criterion.MaxPoints || double.IsNaN(s.Points))
                throw CurationError.Invalid(
                    $"评分项“{s.Criterion}”的分数须在 0 到 {criterion.MaxPoints} 之间 (points out of range)", "scores");
        }
        var missing = Criteria.Where(c => scores.Count(s => s.Criterion == c.Name) != 1).Select(c => c.Name).ToList();
        if (missing.Count > 0)
            throw CurationError.Invalid(
                $"每个评分项须且只能评一次：{string.Join("、", missing)} (score every criterion exactly once)", "scores");
        return scores.Sum(s => s.Points);
    }

    /// <summary>Checks the table itself before it is saved.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
            throw CurationError.Invalid("量规名称不能为空 (Name is required)", "Name");
        if (Criteria.Count == 0)
            throw CurationError.Invalid("量规至少需要一个评分项 (a rubric needs criteria)", "Criteria");
        if (Criteria.Count > MaxCriteria)
            throw CurationError.Invalid($"评分项最多 {MaxCriteria} 个 (a rubric has at most {MaxCriteria} criteria)", "Criteria");
        if (Criteria.Any(c => string.IsNullOrWhiteSpace(c.Name) || !(c.MaxPoints > 0)))
            throw CurationError.Invalid("评分项须有名称且满分大于 0 (each criterion needs a name and positive points)", "Criteria");
        if (Criteria.Any(c => c.MaxPoints > MaxCriterionPoints))
            throw CurationError.Invalid($"评分项满分不能超过 {MaxCriterionPoints} (MaxPoints is at most {MaxCriterionPoints})", "Criteria");
        if (Criteria.Select(c => c.Name).Distinct().Count() != Criteria.Count)
            throw CurationError.Invalid("评分项名称不能重复 (criterion names must be unique)", "Criteria");
        if (RequiredReviews is < 1 or > 9)
            throw CurationError.Invalid("所需评审人数须在 1 到 9 之间 (RequiredReviews must be 1–9)", "RequiredReviews");
        if (!(PassMean >= 0) || PassMean > MaxTotal)
            throw CurationError.Invalid($"通过分须在 0 到 {MaxTotal} 之间 (PassMean out of range)", "PassMean");
        if (!(DivergenceGap >= 0) || double.IsInfinity(DivergenceGap))
            throw CurationError.Invalid("分差阈值不能为负 (DivergenceGap must be ≥ 0)", "DivergenceGap");
    }
}
