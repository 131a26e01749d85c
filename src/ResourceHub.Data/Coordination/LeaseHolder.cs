using Microsoft.Extensions.DependencyInjection;

namespace ResourceHub.Data.Coordination;

/// <summary>
/// One process's hold on a named lease, for background work that must run once across replicas. Work
/// runs only while the lease is held; long work renews it every third of its duration and is cancelled
/// if it is lost.
/// </summary>
public sealed class LeaseHolder(IServiceScopeFactory scopes, string name, TimeSpan duration, TimeProvider clock)
{
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(30);

    private DateTime _validUntil = DateTime.MinValue;

    public LeaseHolder(IServiceScopeFactory scopes, string name) : this(scopes, name, DefaultDuration, TimeProvider.System)
    {
    }

    public string Name => name;
    public TimeSpan Duration => duration;

    /// <summary>Unique per process: a restarted process must not pass for the one that held the lease before.</summary>
    public string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>
    /// True when this process holds the lease for at least half its duration (renewing it when less is
    /// left), so work started now ends before another process may take over, even with some clock skew.
    /// </summary>
    public Task<bool> TryHoldAsync(CancellationToken ct) => HoldAsync(renew: false, ct);

    private async Task<bool> HoldAsync(bool renew, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!renew && _validUntil - now > duration / 2)
            return true;
        await using var scope = scopes.CreateAsyncScope();
        var held = await Store(scope).TryAcquireAsync(name, Holder, duration, ct);
        _validUntil = held ? now + duration : DateTime.MinValue;
        return held;
    }

    /// <summary>
    /// Runs <paramref name="work"/> if the lease is ours, renewing it meanwhile; the work's token is
    /// cancelled when a renewal finds the lease taken. False when another process holds it.
    /// </summary>
    public async Task<bool> RunAsync(Func<CancellationToken, Task> work, CancellationToken ct)
    {
        if (!await TryHoldAsync(ct))
            return false;
        using var workCancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var renewStop = new CancellationTokenSource();
        var renewal = RenewAsync(workCancel, renewStop.Token);
        try
        {
            await work(workCancel.Token);
        }
        finally
        {
            await renewStop.CancelAsync();
            await renewal;
        }
        return true;
    }

    /// <summary>Gives the lease back so another process can take over without waiting for it to expire.</summary>
    public async Task ReleaseAsync()
    {
        if (_validUntil == DateTime.MinValue)
            return;
        _validUntil = DateTime.MinValue;
        await using var scope = scopes.CreateAsyncScope();
        await Store(scope).ReleaseAsync(name, Holder, CancellationToken.None);
    }

    private async Task RenewAsync(CancellationTokenSource work, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(duration / 3, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var lastValid = _validUntil;
                bool held;
                try
                {
                    held = await HoldAsync(renew: true, stop);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The database may be briefly unreachable: keep working while the last renewal still holds.
                    held = clock.GetUtcNow().UtcDateTime < lastValid;
                }
                if (!held)
                {
                    await work.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private LeaseStore Store(IServiceScope scope) =>
        new(scope.ServiceProvider.GetRequiredService<ResourceHubDbContext>(), clock);
}
