using ResourceHub.Indexing.Documents;
using ResourceHub.Indexing.Tests.Relevance;

// bench-relevance: the judged teacher queries (tests/ResourceHub.Indexing.Tests/Relevance) over the generated corpus,
// scored for the embedded engine, the Elasticsearch renderer's logic and two baselines measured in the same run.
var run = new RelevanceRun();
var dir = Directory.CreateTempSubdirectory("rh-relevance-").FullName;
Console.WriteLine($"{run.Queries.Count} judged queries over {run.Corpus.Count} generated resources");
try
{
    var fts = await run.FtsAsync(dir);
    var es = new ElasticLogic(run.Corpus.Select(c => c.Document).ToList(), new RankingBoost());
    var baselines = new Baselines(run.Corpus.Select(c => c.Document).ToList(), new RankingBoost());
    // One unmeasured round so the JIT and the page cache do not count against the first system.
    foreach (var q in run.Queries)
        await fts.SearchAsync(RelevanceRun.Request(q.Text));
    var scores = new[]
    {
        await run.ScoreAsync("fts (embedded)", async q => (await fts.SearchAsync(RelevanceRun.Request(q))).Hits.Select(h => h.Document.Id).ToList()),
        await run.ScoreAsync("es renderer logic", async q => await es.SearchAsync(RelevanceRun.Request(q))),
        await run.ScoreAsync("baseline all-bigrams", q => Task.FromResult(baselines.AllBigrams(q))),
        await run.ScoreAsync("baseline pair-overlap", q => Task.FromResult(baselines.PairOverlap(q))),
    };
    foreach (var s in scores)
        Console.WriteLine(s);
    Console.WriteLine();
    Console.WriteLine("nDCG@10 by class of query:");
    foreach (var cls in scores[0].NdcgByClass.Keys)
        Console.WriteLine($"  {cls,-14} " + string.Join("  ", scores.Select(s => $"{s.System.Split(' ')[0]} {s.NdcgByClass.GetValueOrDefault(cls):F3}")));
    Console.WriteLine($"goals: nDCG@10 ≥ 0.85, P@1 ≥ 0.9, zero results only where nothing is relevant; fts/baseline nDCG {scores[0].Ndcg10 / scores[2].Ndcg10:F2}×");
    if (args.Contains("--worst"))
        foreach (var q in run.Queries)
        {
            var hits = (await fts.SearchAsync(RelevanceRun.Request(q.Text))).Hits;
            var grades = hits.Select(h => q.Judge(run.Meanings[h.Document.Id])).ToList();
            if (grades.Count == 0 || grades[0] < 2 || grades.Take(10).Count(g => g >= 2) < 5)
                Console.WriteLine($"  {q.Text} [{q.Class}] → {string.Join(",", grades.Take(10))} | {string.Join(" / ", hits.Take(3).Select(h => h.Document.Title))}");
        }
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    try { Directory.Delete(dir, true); } catch (IOException) { }
}
