using ResourceHub.Api.Cli;
using ResourceHub.Indexing;
using ResourceHub.Indexing.Pipeline;

namespace ResourceHub.Api.Search;

/// <summary>
/// reindex [--data-dir DIR]: rebuilds the search index from the database into a new index (FTS:
/// a new generation; Elasticsearch: a new versioned index) and swaps it in atomically.
/// </summary>
public static class ReindexVerb
{
    public static async Task<int> RunAsync(IConfiguration config, TextWriter output)
    {
        await using var app = await CliHost.StartAsync(config);
        await using var scope = app.Services.CreateAsyncScope();
        var index = scope.ServiceProvider.GetRequiredService<ISearchIndex>();
        var started = DateTime.UtcNow;
        var progress = new SyncProgress(p => output.WriteLine(
            $"reindex: {p.Done}/{p.Total} ({(p.Total == 0 ? 100 : p.Done * 100 / p.Total)}%) → {p.Target}"));
        try
        {
            var total = await scope.ServiceProvider.GetRequiredService<IndexRebuilder>().RebuildAsync(progress, CancellationToken.None);
            output.WriteLine($"reindex: done, {total} resources into {index.Engine} in {(DateTime.UtcNow - started).TotalSeconds:F1} s");
            return 0;
        }
        catch (SearchUnavailableException e)
        {
            Console.Error.WriteLine($"reindex failed: {e.Message}");
            return 1;
        }
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and reorder lines).</summary>
    private sealed class SyncProgress(Action<RebuildProgress> report) : IProgress<RebuildProgress>
    {
        public void Report(RebuildProgress value) => report(value);
    }
}
