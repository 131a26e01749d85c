using ResourceHub.Indexing.Documents;
using ResourceHub.Indexing.Text;
using ResourceHub.Indexing.Understanding;

namespace ResourceHub.Indexing.Fts;

/// <summary>One matched document as the ranker reads it: its token columns and the codes concept words point at.</summary>
internal sealed record FtsCandidate(long Rid, string Id, string Title, string Keywords, IReadOnlyDictionary<string, string?> Codes,
    int LevelRank, double? QualityScore);

/// <summary>
/// Relevance of a matched document, computed from its stored token columns: how many of the query's concepts it has
/// (weighted by how much each word says), in which field (title over tags and code names over description),
/// whether neighbouring concepts stand together in the title (phrase proximity), whether its codes are those the
/// concept words named, and then the curation boost. Cheaper than bm25 for the few thousand matches the exact
/// path ranks, and it reads the concepts as concepts (synonyms do not add up; a word repeated is not two).
/// </summary>
/// <param name="inBody">Per concept (in query order), the matches that have it in the description.</param>
internal sealed class FtsRanker(StructuredQuery query, RankingBoost boost, IReadOnlyList<IReadOnlySet<long>> inBody)
{
    private static readonly double[] FieldWeights = [1.0, 0.6, 0.3];
    private const double CurationPoints = 2;
    private readonly List<(Concept Concept, List<string> Phrases, bool Counted)> _concepts = query.Concepts
        .Select(c => (c, c.TermTokens.Select(Padded).Distinct().ToList(), !query.Optional.Contains(c))).ToList();
    private readonly List<string> _neighbours = Neighbours(query);

    public double Score(FtsCandidate d)
    {
        string[] columns = [" " + d.Title + " ", " " + d.Keywords + " "];
        double covered = 0, countedWeight = 0, field = 0, totalWeight = 0;
        for (var i = 0; i < _concepts.Count; i++)
        {
            var (concept, phrases, counted) = _concepts[i];
            var best = Best(concept, phrases, columns, inBody[i].Contains(d.Rid));
            field += concept.Weight * best;
            totalWeight += concept.Weight;
            if (!counted)
                continue;
            countedWeight += concept.Weight;
            if (best > 0)
                covered += concept.Weight;
        }
        var coverage = countedWeight > 0 ? covered / countedWeight : 0;
        var fields = totalWeight > 0 ? field / totalWeight : 0;
        var proximity = _neighbours.Count > 0 ? _neighbours.Count(columns[0].Contains) / (double)_neighbours.Count : 0;
        var codes = query.Boosts.Count > 0 ? query.Boosts.Count(b => d.Codes.GetValueOrDefault(b.Field) == b.Code) / (double)query.Boosts.Count : 0;
        var text = 4 * coverage + 2 * fields + 1.5 * proximity + codes;
        // Curation comes after what the teacher asked for: it adds (national + QualityScore 100: +1.5 of 8), so a
        // recommended item about something else does not outrank the one whose title says what was typed.
        return Math.Round(text + CurationPoints * (boost.Factor(d.LevelRank, d.QualityScore) - 1), 9);
    }

    /// <summary>The best field a concept occurs in (a relaxed concept: scaled by the share of its terms found).</summary>
    private static double Best(Concept concept, List<string> phrases, string[] columns, bool inBody)
    {
        if (concept.MinimumTerms > 1)
        {
            var found = phrases.Count(p => columns.Any(c => c.Contains(p, StringComparison.Ordinal)));
            return found >= concept.MinimumTerms ? FieldWeights[1] * found / phrases.Count : inBody ? FieldWeights[2] / 2 : 0;
        }
        for (var i = 0; i < columns.Length; i++)
            if (phrases.Any(p => columns[i].Contains(p, StringComparison.Ordinal)))
                return FieldWeights[i];
        return inBody ? FieldWeights[2] : 0;
    }

    // 平行四边形 + 面积 typed together: "平行四边形面积" in a title is the phrase the teacher meant.
    private static List<string> Neighbours(StructuredQuery query)
    {
        var counted = query.Concepts;
        return counted.Zip(counted.Skip(1)).Select(p => CjkTokenizer.ForQuery(p.First.Text + p.Second.Text))
            .Where(t => t.Count > 0).Select(Padded).ToList();
    }

    private static string Padded(IReadOnlyList<string> tokens) => " " + string.Join(' ', tokens) + " ";
}
