using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResourceHub.Data.Coordination;
using ResourceHub.Testing;

namespace ResourceHub.Data.Tests.Coordination;

/// <summary>A lease has one holder at a time, even when many processes ask at once; it passes on only when it expires or is given back.</summary>
public abstract class LeaseStoreTests(string provider) : IAsyncLifetime
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly StepClock _clock = new();
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<bool> AcquireAsync(string holder, TimeSpan? duration = null)
    {
        await using var db = _db.CreateContext();
        return await new LeaseStore(db, _clock).TryAcquireAsync("cleaner", holder, duration ?? Minute, CancellationToken.None);
    }

    private async Task<Lease> RowAsync()
    {
        await using var db = _db.CreateContext();
        return await db.Set<Lease>().AsNoTracking().SingleAsync(l => l.Name == "cleaner");
    }

    [Fact]
    public async Task The_holder_renews_and_others_wait_until_it_expires()
    {
        Assert.True(await AcquireAsync("a"));
        Assert.False(await AcquireAsync("b"));
        _clock.Advance(TimeSpan.FromSeconds(50));
        Assert.True(await AcquireAsync("a")); // renewed: now good until 50 s + 1 min
        _clock.Advance(TimeSpan.FromSeconds(50));
        Assert.False(await AcquireAsync("b"));
        Assert.Equal("a", (await RowAsync()).Holder);

        _clock.Advance(TimeSpan.FromSeconds(11));
        Assert.True(await AcquireAsync("b"));
        Assert.False(await AcquireAsync("a"));
        var row = await RowAsync();
        Assert.Equal("b", row.Holder);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime + Minute, row.ExpiresAt, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task A_released_lease_is_free_at_once_and_only_its_holder_can_release_it()
    {
        Assert.True(await AcquireAsync("a"));
        await using (var db = _db.CreateContext())
            await new LeaseStore(db, _clock).ReleaseAsync("cleaner", "b", CancellationToken.None);
        Assert.False(await AcquireAsync("b"));
        await using (var db = _db.CreateContext())
            await new LeaseStore(db, _clock).ReleaseAsync("cleaner", "a", CancellationToken.None);
        Assert.True(await AcquireAsync("b"));
    }

    [Fact]
    public async Task Of_many_racing_processes_exactly_one_gets_the_lease()
    {
        for (var round = 0; round < 3; round++)
        {
            _clock.Advance(TimeSpan.FromMinutes(2)); // whoever won the last round has expired
            var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => AcquireAsync($"p{round}-{i}"))));
            Assert.Equal(1, results.Count(r => r));
            var winner = $"p{round}-{Array.IndexOf(results, true)}";
            Assert.Equal(winner, (await RowAsync()).Holder);
        }
    }

    [Fact]
    public async Task Work_is_cancelled_when_a_renewal_finds_the_lease_taken()
    {
        var services = new ServiceCollection().AddScoped(_ => _db.CreateContext()).BuildServiceProvider();
        var holder = new LeaseHolder(services.GetRequiredService<IServiceScopeFactory>(), "cleaner", TimeSpan.FromMilliseconds(600), TimeProvider.System);
        var stolen = false;
        var run = holder.RunAsync(async ct =>
        {
            await using (var db = _db.CreateContext())
                await db.Set<Lease>().ExecuteUpdateAsync(s => s
                    .SetProperty(l => l.Holder, "other")
                    .SetProperty(l => l.ExpiresAt, DateTime.UtcNow.AddHours(1)));
            stolen = true;
            await Task.Delay(TimeSpan.FromSeconds(20), ct);
        }, CancellationToken.None);
        Assert.IsAssignableFrom<OperationCanceledException>(await Record.ExceptionAsync(() => run));
        Assert.True(stolen);
        Assert.False(await holder.TryHoldAsync(CancellationToken.None));
    }

    /// <summary>A clock moved by hand, so expiry needs no sleeping.</summary>
    private sealed class StepClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }
}

public sealed class SqliteLeaseStoreTests() : LeaseStoreTests(DatabaseOptions.Sqlite);

public sealed class PostgresLeaseStoreTests() : LeaseStoreTests(DatabaseOptions.Postgres);
