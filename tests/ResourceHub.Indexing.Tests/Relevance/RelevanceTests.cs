using ResourceHub.Indexing.Documents;
using Xunit.Abstractions;

namespace ResourceHub.Indexing.Tests.Relevance;

/// <summary>
/// The judged set (judged-queries.txt over <see cref="RelevanceCorpus"/>) must not lose quality: the floors are the
/// figures bench/ResourceHub.Bench.Relevance printed when this landed, less a small margin for ties.
/// </summary>
public sealed class RelevanceTests(ITestOutputHelper output) : IDisposable
{
    // Printed at merge: fts nDCG@10 0.951, P@1 0.940, zero-result 0 %; es logic nDCG@10 0.945, P@1 0.940, zero-result 0 %.
    private const double NdcgFloor = 0.94;
    private const double PrecisionFloor = 0.93;
    private const double ZeroResultCeiling = 0;
    private readonly string _dir = Directory.CreateTempSubdirectory("rh-relevance-").FullName;

    [Fact]
    public async Task The_embedded_engine_keeps_its_judged_quality()
    {
        var run = new RelevanceRun();
        var index = await run.FtsAsync(_dir);
        var score = await run.ScoreAsync("fts", async q => (await index.SearchAsync(RelevanceRun.Request(q))).Hits.Select(h => h.Document.Id).ToList());
        output.WriteLine(score.ToString());
        Assert.True(score.Ndcg10 >= NdcgFloor, score.ToString());
        Assert.True(score.PrecisionAt1 >= PrecisionFloor, score.ToString());
        Assert.True(score.ZeroResultRate <= ZeroResultCeiling, score.ToString());
        Assert.Equal(0, score.NothingFoundSomething);
    }

    [Fact]
    public async Task The_elasticsearch_renderers_logic_keeps_its_judged_quality()
    {
        var run = new RelevanceRun();
        var es = new ElasticLogic(run.Corpus.Select(c => c.Document).ToList(), new RankingBoost());
        var score = await run.ScoreAsync("es-logic", async q => await es.SearchAsync(RelevanceRun.Request(q)));
        output.WriteLine(score.ToString());
        Assert.True(score.Ndcg10 >= NdcgFloor, score.ToString());
        Assert.True(score.ZeroResultRate <= ZeroResultCeiling, score.ToString());
    }

    [Fact]
    public void Every_query_is_judged_and_the_corpus_is_big_enough()
    {
        var run = new RelevanceRun();
        Assert.True(run.Queries.Count >= 100);
        Assert.True(run.Corpus.Count >= 2000);
        Assert.Equal(5, run.Corpus.Select(c => c.Meaning.Stage).Distinct().Count());
        Assert.All(run.Queries.Where(q => q.Class != "nothing"), q => Assert.Contains(run.Corpus, c => q.Judge(c.Meaning) > 0));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}
