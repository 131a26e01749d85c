using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Users;

namespace ResourceHub.Application.Identity;

/// <summary>A user as the admin pages list them: who, where, and whether their local sign-in is locked.</summary>
public sealed record AccountRow(User User, bool HasLocalAccount, bool Locked);

/// <summary>
/// Admins manage the people of their region (users whose organisation is in it): list, add a local account,
/// reset a password, lock or unlock, change the role. Creating the account itself is <see cref="LocalAccounts"/>'s,
/// which the `user add` verb uses too.
/// </summary>
public sealed class AccountAdmin(ResourceHubDbContext db, LocalAccounts accounts, TimeProvider clock)
{
    public const int ListSize = 500;

    /// <summary>A lock set by an admin lasts until an admin lifts it.</summary>
    public static readonly DateTime LockedByAdmin = new(9999, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public async Task<List<AccountRow>> ListAsync(Caller caller, CancellationToken ct)
    {
        RequireAdmin(caller);
        var users = db.Users.AsNoTracking();
        if (!caller.Region.Everywhere)
        {
            var region = caller.Region.Orgs.ToList();
            users = users.Where(u => region.Contains(u.OrgCode));
        }
        var rows = await users.OrderBy(u => u.OrgCode).ThenBy(u => u.Id).Take(ListSize).ToListAsync(ct);
        var ids = rows.Select(u => u.Id).ToList();
        var locks = await db.Set<LocalAccount>().AsNoTracking().Where(a => ids.Contains(a.UserId))
            .ToDictionaryAsync(a => a.UserId, a => a.LockedUntil, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return rows.Select(u => new AccountRow(u, locks.ContainsKey(u.Id), locks.GetValueOrDefault(u.Id) is { } until && until > now)).ToList();
    }

    /// <summary>A new person in the admin's region; an existing user id is refused (the admin resets its password instead).</summary>
    public async Task AddAsync(Caller caller, NewAccount input, CancellationToken ct)
    {
        RequireAdmin(caller);
        RequireInRegion(caller, input.OrgCode);
        if (await db.Users.AnyAsync(u => u.Id == input.UserId, ct))
            throw new AppError(AppErrorKind.Conflict, $"用户名 {input.UserId} 已存在 (a user with this id exists)", "user");
        await accounts.AddAsync(input, ct);
    }

    public async Task ResetPasswordAsync(Caller caller, string userId, string password, CancellationToken ct)
    {
        var account = await AccountAsync(caller, userId, ct);
        accounts.SetPassword(account, password);
        await db.SaveChangesAsync(ct);
    }

    public async Task SetLockedAsync(Caller caller, string userId, bool locked, CancellationToken ct)
    {
        if (userId == caller.UserId)
            throw AppError.BadRequest("不能锁定或解锁自己的账户 (you cannot lock your own account)", "user");
        var account = await AccountAsync(caller, userId, ct);
        account.LockedUntil = locked ? LockedByAdmin : null;
        account.FailedAttempts = 0;
        account.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    public async Task SetRoleAsync(Caller caller, string userId, string role, IReadOnlyList<string>? subjects, CancellationToken ct)
    {
        if (userId == caller.UserId)
            throw AppError.BadRequest("不能更改自己的角色 (you cannot change your own role)", "role");
        if (!Roles.IsKnown(role))
            throw AppError.BadRequest($"角色无效，须为以下之一：{string.Join("、", Roles.All)} (unknown role)", "role");
        var user = await UserAsync(caller, userId, ct);
        user.Role = role;
        if (subjects is not null)
            user.Subjects = subjects.ToList();
        await db.SaveChangesAsync(ct);
    }

    private async Task<User> UserAsync(Caller caller, string userId, CancellationToken ct)
    {
        RequireAdmin(caller);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        // Outside the region reads as missing: an admin learns nothing of other regions' people.
        if (user is null || !caller.Region.Contains(user.OrgCode))
            throw AppError.NotFound($"用户 {userId} 不存在 (no such user in your region)");
        return user;
    }

    private async Task<LocalAccount> AccountAsync(Caller caller, string userId, CancellationToken ct)
    {
        await UserAsync(caller, userId, ct);
        return await db.Set<LocalAccount>().FirstOrDefaultAsync(a => a.UserId == userId, ct)
               ?? throw new AppError(AppErrorKind.Conflict, "该用户通过省级统一身份认证登录，没有本地密码 (the user signs in through the provider)", "user");
    }

    private static void RequireAdmin(Caller caller)
    {
        if (!caller.IsAdmin)
            throw AppError.Forbidden("只有管理员可以管理用户 (only admins manage users)");
    }

    private static void RequireInRegion(Caller caller, string? orgCode)
    {
        if (!caller.Region.Contains(orgCode))
            throw AppError.Forbidden("只能在您管辖的区域内添加用户 (you add users only inside your region)");
    }
}
