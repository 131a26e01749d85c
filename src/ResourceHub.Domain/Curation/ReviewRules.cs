namespace ResourceHub.Domain.Curation;

public sealed record ReviewRules(int RequiredReviews, double PassMean, double DivergenceGap);
