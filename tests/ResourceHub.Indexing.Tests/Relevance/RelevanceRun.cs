using System.Diagnostics;
using ResourceHub.Domain.Access;
using ResourceHub.Indexing.Documents;
using ResourceHub.Indexing.Fts;
using ResourceHub.Query.Model;

namespace ResourceHub.Indexing.Tests.Relevance;

/// <summary>The figures of one search system over the judged set.</summary>
public sealed record RelevanceScore(string System, double Ndcg10, double PrecisionAt1, double ZeroResultRate, double NothingFoundSomething, double P95Milliseconds,
    IReadOnlyDictionary<string, double> NdcgByClass)
{
    public override string ToString() =>
        $"{System,-22} nDCG@10 {Ndcg10:F3}  P@1 {PrecisionAt1:F3}  zero-result {ZeroResultRate:P1}  "
        + $"hits where nothing is relevant {NothingFoundSomething:P0}  p95 {P95Milliseconds:F2} ms";
}

/// <summary>
/// Runs the judged queries against a system (a function from query text to ranked document ids) and scores it:
/// nDCG@10 with gains 2^rel − 1 against the ideal order of every judged document; P@1 = the first hit judged 2 or 3;
/// zero-result rate over the queries that have something relevant.
/// </summary>
public sealed class RelevanceRun
{
    public RelevanceRun(int perTopic = 6)
    {
        Corpus = RelevanceCorpus.Generate(perTopic);
        Queries = JudgedQuery.Load();
        Meanings = Corpus.ToDictionary(c => c.Document.Id, c => c.Meaning);
    }

    public IReadOnlyList<(SearchDocument Document, ResourceMeaning Meaning)> Corpus { get; }
    public IReadOnlyList<JudgedQuery> Queries { get; }
    public IReadOnlyDictionary<Guid, ResourceMeaning> Meanings { get; }

    public static readonly VisibilityScope Teacher = VisibilityScope.For(new Caller("judge", "Judge", Roles.Teacher, "school1", []));

    public static SearchRequest Request(string text) => new(new EntityQuery { Search = text, Top = 10 }, Teacher);

    /// <summary>The embedded engine over the corpus, in a fresh index file.</summary>
    public async Task<FtsSearchIndex> FtsAsync(string directory)
    {
        var index = new FtsSearchIndex(Path.Combine(directory, "relevance.db"));
        await index.EnsureCreatedAsync();
        var result = await index.UpsertAsync(Corpus.Select(c => c.Document).ToList());
        if (!result.AllSucceeded)
            throw new InvalidOperationException("indexing the judged corpus failed");
        return index;
    }

    public async Task<RelevanceScore> ScoreAsync(string system, Func<string, Task<IReadOnlyList<Guid>>> search)
    {
        var ndcg = new List<(string Class, double Value)>();
        var atOne = new List<double>();
        var zero = new List<double>();
        var spurious = new List<double>();
        var times = new List<double>();
        foreach (var q in Queries)
        {
            var clock = Stopwatch.StartNew();
            var ids = await search(q.Text);
            times.Add(clock.Elapsed.TotalMilliseconds);
            var grades = Corpus.Select(c => q.Judge(c.Meaning)).Where(g => g > 0).OrderDescending().ToList();
            if (grades.Count == 0)
            {
                spurious.Add(ids.Count > 0 ? 1 : 0);
                continue;
            }
            var got = ids.Take(10).Select(id => q.Judge(Meanings[id])).ToList();
            ndcg.Add((q.Class, Dcg(got) / Dcg(grades.Take(10).ToList())));
            atOne.Add(got.Count > 0 && got[0] >= 2 ? 1 : 0);
            zero.Add(ids.Count == 0 ? 1 : 0);
        }
        times.Sort();
        return new RelevanceScore(system, ndcg.Average(n => n.Value), atOne.Average(), zero.Average(), spurious.DefaultIfEmpty(0).Average(),
            times[Math.Min(times.Count - 1, (int)Math.Ceiling(0.95 * times.Count) - 1)],
            ndcg.GroupBy(n => n.Class).ToDictionary(g => g.Key, g => g.Average(n => n.Value)));
    }

    private static double Dcg(IReadOnlyList<int> grades) =>
        grades.Select((g, i) => (Math.Pow(2, g) - 1) / Math.Log2(i + 2)).Sum();
}
