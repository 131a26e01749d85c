using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResourceHub.Data.Coordination;

namespace ResourceHub.Indexing.Pipeline;

/// <summary>
/// Drains the search outbox in the background, and every StatsRefreshSeconds brings changed downloads and ratings
/// in (<see cref="StatsRefresher"/>). While the engine is down it backs off (doubling up to
/// MaxBackoffSeconds) and keeps the rows; writes to the database never wait for the index.
/// </summary>
public sealed class SearchIndexer(IServiceScopeFactory scopes, ISearchIndex index, IndexerOptions options,
    IndexerStatus status, ILogger<SearchIndexer> logger) : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    public const string LeaseName = "search-indexer";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // One indexer across replicas: two drainers could write an older read of a row after a newer one.
        var lease = new LeaseHolder(scopes, LeaseName);
        try
        {
            await RunWhileLeasedAsync(lease, stoppingToken);
        }
        finally
        {
            await lease.ReleaseAsync();
        }
    }

    private async Task RunWhileLeasedAsync(LeaseHolder lease, CancellationToken stoppingToken)
    {
        var failures = 0;
        var created = false;
        var lastPrune = DateTime.MinValue;
        var lastStats = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                if (!await lease.TryHoldAsync(stoppingToken))
                {
                    // Another replica indexes; check the index again if the lease ever comes to us.
                    created = false;
                    await Task.Delay(lease.Duration / 4, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
                    continue;
                }
                if (!created)
                {
                    await index.EnsureCreatedAsync(stoppingToken);
                    if (await index.NeedsRebuildAsync(stoppingToken))
                        await lease.RunAsync(RebuildAsync, stoppingToken);
                    created = true;
                }
                await using var scope = scopes.CreateAsyncScope();
                var drainer = scope.ServiceProvider.GetRequiredService<OutboxDrainer>();
                var result = await drainer.DrainOnceAsync(stoppingToken);
                if (result.Failure is not null)
                    throw new SearchUnavailableException(result.Failure);
                if (result.Applied > 0)
                    logger.LogDebug("Indexed {Count} outbox rows", result.Applied);
                if (DateTime.UtcNow - lastStats >= TimeSpan.FromSeconds(options.StatsRefreshSeconds))
                {
                    var refreshed = await scope.ServiceProvider.GetRequiredService<StatsRefresher>().RefreshAsync(stoppingToken);
                    if (refreshed > 0)
                        logger.LogDebug("Refreshed downloads and ratings of {Count} documents", refreshed);
                    lastStats = DateTime.UtcNow;
                }
                if (DateTime.UtcNow - lastPrune > PruneEvery)
                {
                    await drainer.PruneAsync(stoppingToken);
                    lastPrune = DateTime.UtcNow;
                }
                status.Succeeded();
                failures = 0;
                wait = result.MorePending ? TimeSpan.Zero : TimeSpan.FromMilliseconds(options.PollMilliseconds);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                wait = Backoff(failures, options.MaxBackoffSeconds);
                status.Failed(e.Message);
                logger.LogWarning("Search indexing failed ({Failures} in a row), retrying in {Wait}: {Error}", failures, wait, e.Message);
            }
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
        }
    }

    /// <summary>An index this version cannot read (an older layout) is rebuilt from the database before draining.</summary>
    private async Task RebuildAsync(CancellationToken ct)
    {
        logger.LogWarning("Search index {Engine} has an older layout: rebuilding it from the database", index.Engine);
        await using var scope = scopes.CreateAsyncScope();
        var progress = new Progress<RebuildProgress>(p =>
        {
            if (p.Done == p.Total || p.Done % 5000 < DocumentSync.ChunkSize)
                logger.LogInformation("Rebuilding {Target}: {Done}/{Total}", p.Target, p.Done, p.Total);
        });
        var total = await scope.ServiceProvider.GetRequiredService<IndexRebuilder>().RebuildAsync(progress, ct);
        logger.LogInformation("Search index rebuilt: {Total} resources", total);
    }

    /// <summary>200 ms, 400 ms, 800 ms … capped.</summary>
    public static TimeSpan Backoff(int failures, int maxSeconds) =>
        TimeSpan.FromMilliseconds(Math.Min(200 * Math.Pow(2, Math.Min(failures - 1, 16)), maxSeconds * 1000.0));
}
