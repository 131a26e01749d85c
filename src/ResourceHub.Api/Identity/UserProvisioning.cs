using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using ResourceHub.Application.Identity;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Users;

namespace ResourceHub.Api.Identity;

/// <summary>
/// Creates the User row the first time a token is seen and refreshes it when its claims change,
/// so the system of record knows everyone who has acted.
/// </summary>
public sealed class UserProvisioning(RequestDelegate next)
{
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(10);

    // Claims already written to the database recently: most requests then cost no query at all.
    private readonly ConcurrentDictionary<string, DateTime> _synced = new();

    public async Task InvokeAsync(HttpContext context, ResourceHubDbContext db, OrganizationDirectory organizations)
    {
        if (context.User.ToCaller() is { } caller)
        {
            if (caller.IsAdmin)
                await organizations.TreeAsync(db, context.RequestAborted); // the admin's region is then resolved without waiting
            var key = string.Join('|', caller.UserId, caller.DisplayName, caller.Role, caller.OrgCode, string.Join(',', caller.Subjects));
            var now = DateTime.UtcNow;
            if (!_synced.TryGetValue(key, out var at) || now - at >= TouchInterval)
            {
                await EnsureAsync(db, caller, context.RequestAborted);
                _synced[key] = now;
            }
        }
        await next(context);
    }

    public static async Task EnsureAsync(ResourceHubDbContext db, Caller caller, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == caller.UserId, ct);
        if (user is null)
        {
            user = new User { Id = caller.UserId, CreatedAt = now };
            db.Users.Add(user);
        }
        else if (user.DisplayName == caller.DisplayName && user.Role == caller.Role && user.OrgCode == caller.OrgCode
                 && user.Subjects.SequenceEqual(caller.Subjects) && now - user.LastSeenAt < TouchInterval)
        {
            return;
        }
        user.DisplayName = caller.DisplayName;
        user.Role = caller.Role;
        user.OrgCode = caller.OrgCode;
        user.Subjects = caller.Subjects.ToList();
        user.LastSeenAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two first requests raced to insert the same user: the other one won, which is fine.
            db.ChangeTracker.Clear();
        }
    }
}
