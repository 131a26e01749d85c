using Microsoft.EntityFrameworkCore;

namespace ResourceHub.Data.Keys;

/// <summary>The <c>shared_secrets</c> table.</summary>
public sealed class SharedSecretStore(ResourceHubDbContext db)
{
    /// <summary>
    /// The stored value of <paramref name="name"/>; when there is none, <paramref name="candidate"/> is
    /// stored first. Insert-if-absent then read, so processes racing on first start all get the winner's value.
    /// </summary>
    public async Task<string> GetOrAddAsync(string name, Func<string> candidate, CancellationToken ct = default)
    {
        var existing = await ReadAsync(name, ct);
        if (existing is not null)
            return existing;
        var value = candidate();
        var now = DateTime.UtcNow;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO shared_secrets ("Name", "Value", "CreatedAt") VALUES ({name}, {value}, {now})
            ON CONFLICT ("Name") DO NOTHING
            """, ct);
        return await ReadAsync(name, ct) ?? throw new InvalidOperationException($"shared secret '{name}' vanished after insert");
    }

    private Task<string?> ReadAsync(string name, CancellationToken ct) =>
        db.Set<SharedSecret>().AsNoTracking().Where(s => s.Name == name).Select(s => s.Value).FirstOrDefaultAsync(ct);
}
