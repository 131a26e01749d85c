using ResourceHub.Domain.Curation;

namespace ResourceHub.Domain.Tests.Curation;

public sealed class QualityAndRubricTests
{
    [Fact]
    public void Nothing_known_means_no_score() =>
        Assert.Null(QualityFormula.Compute(null, null, 0, 0).Score);

    [Fact]
    public void Expert_mean_alone_is_the_score() =>
        Assert.Equal(80, QualityFormula.Compute(0.8, null, 0, 0).Score);

    [Fact]
    public void Bayesian_rating_pulls_few_ratings_towards_the_prior()
    {
        var one = QualityFormula.Compute(null, null, 1, 5);
        var many = QualityFormula.Compute(null, null, 100, 500);
        Assert.Equal((5 * 3.0 + 5) / 6, one.BayesianRating!.Value, 6);
        Assert.True(many.Score > one.Score);
    }

    [Fact]
    public void Experts_and_ratings_make_the_base_and_the_level_lifts_it_towards_100()
    {
        var parts = QualityFormula.Compute(0.9, "county", 5, 25);
        var rating = ((5 * 3.0 + 25) / 10 - 1) / 4;
        var baseline = 0.6 * 0.9 + 0.4 * rating;
        Assert.Equal(Math.Round(100 * (baseline + (1 - baseline) * 0.5 * 0.4), 2), parts.Score);
        Assert.Equal(0.4, parts.LevelPart, 6);
    }

    [Fact]
    public void A_higher_level_never_lowers_the_score()
    {
        var scores = new string?[] { null, "school", "county", "city", "province", "national" }
            .Select(level => QualityFormula.Compute(0.86, level, 3, 12).Score!.Value).ToList();
        Assert.Equal(scores.Order(), scores);
        Assert.True(scores[^1] < 100);
    }

    [Fact]
    public void Changing_a_rating_replaces_it_in_the_totals()
    {
        var stats = new ResourceStats();
        stats.ApplyRating(null, 2);
        stats.ApplyRating(null, 4);
        stats.ApplyRating(2, 5);
        Assert.Equal((2, 9), (stats.RatingCount, stats.RatingSum));
    }

    [Fact]
    public void Rubric_scores_every_criterion_once_within_range()
    {
        var rubric = Fixtures.Rubric();
        Assert.Equal(85, rubric.Score([new("设计", 50), new("效果", 35)]));
        Assert.Throws<CurationError>(() => rubric.Score([new("设计", 50)]));
        Assert.Throws<CurationError>(() => rubric.Score([new("设计", 61), new("效果", 35)]));
        Assert.Throws<CurationError>(() => rubric.Score([new("设计", 50), new("效果", 35), new("创新", 5)]));
        Assert.Throws<CurationError>(() => rubric.Score([new("设计", 50), new("设计", 10), new("效果", 35)]));
    }

    [Fact]
    public void Seeded_rubrics_follow_the_documents()
    {
        var training = SeedRubrics.Training("", Fixtures.Now);
        Assert.Equal([15.0, 40, 20, 20], training.Criteria.Select(c => c.MaxPoints));
        Assert.Equal(100, SeedRubrics.Lesson("", Fixtures.Now).MaxTotal);
        training.Validate();
        Assert.Same(training, Rubric.For([SeedRubrics.Lesson("", Fixtures.Now), training], "journal"));
        Assert.Equal(SeedRubrics.LessonRubricId, Rubric.For([training, SeedRubrics.Lesson("", Fixtures.Now)], "micro-lesson")!.Id);
    }

    [Fact]
    public void Quota_refuses_beyond_its_count()
    {
        var quota = new RecommendationQuota { Level = "county", Subject = "math", Year = 2026, MaxCount = 1 };
        quota.Use();
        var e = Assert.Throws<CurationError>(quota.Use);
        Assert.Equal(CurationErrorKind.Conflict, e.Kind);
        Assert.Contains("名额已用完", e.Message);
        Assert.Equal(1, quota.Used);
    }
}
