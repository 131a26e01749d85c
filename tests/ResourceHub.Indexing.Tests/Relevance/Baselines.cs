using ResourceHub.Indexing.Documents;
using ResourceHub.Indexing.Text;

namespace ResourceHub.Indexing.Tests.Relevance;

/// <summary>
/// Matchers to compare against in the same run: the search as it was before query understanding (every character pair
/// of every word required, ranked by field weights 10/4/1 and curation), and the naive matcher the issue measured
/// (documents ranked by how many of the query's character pairs they share).
/// </summary>
public sealed class Baselines(IReadOnlyList<SearchDocument> documents, RankingBoost boost)
{
    private static readonly double[] Weights = [10, 4, 1];
    private readonly List<(SearchDocument Doc, HashSet<string>[] Fields)> _docs = documents
        .Select(d => (d, new[] { d.Title, string.Join(' ', d.Tags.Concat(d.CodeNames)), d.Description }
            .Select(t => CjkTokenizer.ForIndex(t).ToHashSet()).ToArray())).ToList();

    public IReadOnlyList<Guid> AllBigrams(string query)
    {
        var tokens = query.Split(' ', StringSplitOptions.RemoveEmptyEntries).SelectMany(CjkTokenizer.ForQuery).Distinct().ToList();
        if (tokens.Count == 0)
            return [];
        return _docs.Where(d => tokens.All(t => d.Fields.Any(f => f.Contains(t))))
            .Select(d => (d.Doc, Score: tokens.Sum(t => d.Fields.Select((f, i) => f.Contains(t) ? Weights[i] : 0).Max())
                                        * boost.Factor(d.Doc.RecommendationLevel, d.Doc.QualityScore)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Doc.Id).Take(10).Select(x => x.Doc.Id).ToList();
    }

    public IReadOnlyList<Guid> PairOverlap(string query)
    {
        var pairs = CjkTokenizer.ForQuery(query.Replace(" ", "")).Where(t => t.Length > 1 || !CjkTokenizer.IsCjk(System.Text.Rune.GetRuneAt(t, 0))).ToHashSet();
        return _docs.Select(d => (d.Doc, Shared: pairs.Count(p => d.Fields.Any(f => f.Contains(p)))))
            .Where(x => x.Shared > 0).OrderByDescending(x => x.Shared).ThenBy(x => x.Doc.Id).Take(10).Select(x => x.Doc.Id).ToList();
    }
}
