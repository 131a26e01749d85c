using Microsoft.Extensions.Diagnostics.HealthChecks;
using ResourceHub.Indexing;
using ResourceHub.Indexing.Pipeline;

namespace ResourceHub.Api.Search;

/// <summary>
/// Ready when the index answers; degraded (still serving, but lagging) when the indexer's last
/// attempt failed, e.g. while Elasticsearch rejects writes.
/// </summary>
internal sealed class SearchIndexHealthCheck(ISearchIndex index, IndexerStatus status) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        string description;
        try
        {
            description = await index.CheckAsync(ct);
        }
        catch (SearchUnavailableException e)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
        var (error, errorAt, _) = status.Snapshot();
        return error is null
            ? HealthCheckResult.Healthy(description)
            : HealthCheckResult.Degraded($"{description}; indexer failing since {errorAt:O}: {error}");
    }
}
