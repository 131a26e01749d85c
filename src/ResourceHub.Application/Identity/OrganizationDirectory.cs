using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Domain.Access;

namespace ResourceHub.Application.Identity;

/// <summary>
/// The organisation tree admins' regions are computed from, kept in memory: reloaded when older than
/// <see cref="MaxAge"/> (another process may have changed it) and at once after a change made here.
/// Every driving adapter resolves its caller here (<see cref="ResolveAsync"/>), so an admin always acts with its region.
/// </summary>
public sealed class OrganizationDirectory(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    private volatile Snapshot? _snapshot;

    public async Task<OrganizationTree> TreeAsync(ResourceHubDbContext db, CancellationToken ct)
    {
        if (Fresh() is { } tree)
            return tree;
        var rows = await db.Organizations.AsNoTracking().ToListAsync(ct);
        return Keep(new OrganizationTree(rows));
    }

    /// <summary>The tree for code that cannot await (resolving the caller); the request middleware has normally loaded it already.</summary>
    public OrganizationTree Tree(ResourceHubDbContext db) => Fresh() ?? Keep(new OrganizationTree(db.Organizations.AsNoTracking().ToList()));

    public void Invalidate() => _snapshot = null;

    /// <summary>The caller with its admin region (<see cref="OrganizationTree.Resolve"/>); non-admins cost nothing.</summary>
    public async Task<Caller> ResolveAsync(Caller caller, ResourceHubDbContext db, CancellationToken ct) =>
        caller.IsAdmin ? (await TreeAsync(db, ct)).Resolve(caller) : caller;

    private OrganizationTree? Fresh() =>
        _snapshot is { } s && clock.GetUtcNow() - s.LoadedAt < MaxAge ? s.Tree : null;

    private OrganizationTree Keep(OrganizationTree tree)
    {
        _snapshot = new Snapshot(tree, clock.GetUtcNow());
        return tree;
    }

    private sealed record Snapshot(OrganizationTree Tree, DateTimeOffset LoadedAt);
}
