using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Indexing.Understanding;

namespace ResourceHub.Api.Hosting;

/// <summary>
/// Pays the first request's one-off costs while the host starts, before it listens: EF Core's model and first query,
/// and query understanding's dictionaries (jieba, lexicon, OpenCC, homophones). On a busy 2-core machine these took
/// 1–6 s of the first teacher's search; a replica behind the proxy now reports healthy only once they are done.
/// </summary>
public sealed class StartupWarmUp(IServiceScopeFactory scopes, QueryUnderstanding understanding, ILogger<StartupWarmUp> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var understood = Task.Run(understanding.Prepare, ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ResourceHubDbContext>();
            await db.Resources.AsNoTracking().Select(r => r.Id).Take(1).ToListAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not fatal: the health check reports the database; requests pay the cost instead.
            log.LogWarning(e, "warm-up query failed");
        }
        await understood;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
