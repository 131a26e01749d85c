using Microsoft.EntityFrameworkCore;

namespace ResourceHub.Data.Coordination;

/// <summary>The <c>leases</c> table: take, renew and give back named leases with single atomic statements.</summary>
public sealed class LeaseStore(ResourceHubDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Takes the lease when it is free, expired or already ours, and extends it by <paramref name="duration"/>.
    /// One upsert whose update only applies under that condition, so of racing callers exactly one wins
    /// (PostgreSQL row locks; SQLite serialises writers).
    /// </summary>
    public async Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + duration;
        var changed = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO leases ("Name", "Holder", "ExpiresAt") VALUES ({name}, {holder}, {until})
            ON CONFLICT ("Name") DO UPDATE SET "Holder" = excluded."Holder", "ExpiresAt" = excluded."ExpiresAt"
            WHERE leases."Holder" = excluded."Holder" OR leases."ExpiresAt" < {now}
            """, ct);
        return changed == 1;
    }

    /// <summary>Lets another process take the lease at once (graceful shutdown); no-op when it is not ours.</summary>
    public async Task ReleaseAsync(string name, string holder, CancellationToken ct)
    {
        var past = clock.GetUtcNow().UtcDateTime.AddSeconds(-1);
        await db.Set<Lease>().Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, past), ct);
    }
}
