using ResourceHub.Indexing.Documents;

namespace ResourceHub.Indexing.Fts;

/// <summary>
/// Row ids that sort by the curation boost: (boost − 1) × 10,000 in the high bits, a per-document
/// sequence in the low 32. FTS5 walks matches in rowid order, so "ORDER BY rowid DESC LIMIT n" visits
/// the best-boosted matches first and stops after a page instead of ranking every match.
/// A document whose boost changes is re-inserted under its new row id (same sequence).
/// </summary>
internal static class FtsRowId
{
    private const long SequenceMask = 0xFFFF_FFFF;

    public static long Compose(RankingBoost boost, SearchDocument d, long sequence) =>
        ((long)Math.Round(Math.Clamp(boost.Factor(d.RecommendationLevel, d.QualityScore) - 1, 0, 100) * 10_000) << 32) | (sequence & SequenceMask);

    public static long Sequence(long rowId) => rowId & SequenceMask;
}
