using ResourceHub.Domain.Taxonomy;

namespace ResourceHub.Indexing.Documents;

/// <summary>
/// How curation lifts relevance, identical in every engine:
/// <c>final = textScore × (1 + LevelWeight·levelRank + QualityWeight·quality)</c>, where levelRank is the
/// recommendation level's position (school 1 … national 5, none 0) and quality the curation QualityScore 0–100 (none 0).
/// Defaults: a national recommendation is worth +50 %, a perfect 5.0 rating +25 %. A multiplier keeps
/// text relevance in charge: a boost never lets an item that does not match appear.
/// </summary>
public sealed record RankingBoost(double LevelWeight = 0.1, double QualityWeight = 0.0025)
{
    public static int LevelRank(string? level)
    {
        if (level is null)
            return 0;
        var terms = TaxonomyCatalog.Default.Levels.Terms;
        for (var i = 0; i < terms.Count; i++)
            if (terms[i].Code == level)
                return i + 1;
        return 0;
    }

    public double Factor(string? level, double? quality) => Factor(LevelRank(level), quality);

    public double Factor(int levelRank, double? quality) => 1 + LevelWeight * levelRank + QualityWeight * (quality ?? 0);
}
