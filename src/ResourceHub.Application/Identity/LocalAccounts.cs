using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Users;

namespace ResourceHub.Application.Identity;

/// <summary>The account a person signs in with in the embedded setup: who they are, and a password for it.</summary>
public sealed record NewAccount(string UserId, string DisplayName, string Role, string OrgCode, IReadOnlyList<string> Subjects, string Password);

/// <summary>
/// Local password accounts (embedded setup): creating them (the `user add` verb, demo data) and signing in,
/// with Identity's salted PBKDF2 hasher and a lockout after repeated wrong passwords.
/// </summary>
public sealed class LocalAccounts(ResourceHubDbContext db, TimeProvider clock)
{
    public const int MinPasswordLength = 8;

    private static readonly PasswordHasher<LocalAccount> Hasher = new();

    /// <summary>Creates the user and its password, or replaces both for an existing one.</summary>
    public async Task AddAsync(NewAccount input, CancellationToken ct)
    {
        Validate(input);
        var now = clock.GetUtcNow().UtcDateTime;
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == input.UserId, ct);
        if (user is null)
        {
            user = new User { Id = input.UserId, CreatedAt = now, LastSeenAt = now };
            db.Users.Add(user);
        }
        user.DisplayName = input.DisplayName.Length > 0 ? input.DisplayName : input.UserId;
        user.Role = input.Role;
        user.OrgCode = input.OrgCode;
        user.Subjects = input.Subjects.ToList();
        var account = await db.Set<LocalAccount>().FirstOrDefaultAsync(a => a.UserId == input.UserId, ct);
        if (account is null)
        {
            account = new LocalAccount { UserId = input.UserId, CreatedAt = now };
            db.Add(account);
        }
        SetPassword(account, input.Password);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A new password (checked for length) that also lifts any lock; the caller saves.</summary>
    public void SetPassword(LocalAccount account, string password)
    {
        CheckPassword(password);
        account.PasswordHash = Hasher.HashPassword(account, password);
        account.FailedAttempts = 0;
        account.LockedUntil = null;
        account.UpdatedAt = clock.GetUtcNow().UtcDateTime;
    }

    /// <summary>The caller these credentials belong to; a wrong password counts towards the lockout.</summary>
    public async Task<Caller> SignInAsync(string userId, string password, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var account = await db.Set<LocalAccount>().FirstOrDefaultAsync(a => a.UserId == userId, ct);
        var user = account is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (account is null || user is null)
            throw WrongCredentials();
        if (SignInLockout.IsLocked(account, now))
            throw Locked(account.LockedUntil!.Value - now);
        if (Hasher.VerifyHashedPassword(account, account.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            SignInLockout.RecordFailure(account, now);
            await SaveCountingAsync(ct);
            throw SignInLockout.IsLocked(account, now) ? Locked(SignInLockout.Duration) : WrongCredentials();
        }
        SignInLockout.RecordSuccess(account, now);
        await SaveCountingAsync(ct);
        return new Caller(user.Id, user.DisplayName, user.Role, user.OrgCode, user.Subjects);
    }

    private async Task SaveCountingAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another attempt changed the counters at the same moment; that attempt's count stands.
        }
    }

    private static void Validate(NewAccount input)
    {
        if (string.IsNullOrWhiteSpace(input.UserId) || input.UserId.Length > 128 || input.UserId.Any(char.IsWhiteSpace))
            throw AppError.BadRequest("用户名不能为空、不能含空格，最长 128 个字符 (user id is required, without spaces, at most 128 characters)", "user");
        if (!Roles.IsKnown(input.Role))
            throw AppError.BadRequest($"角色无效，须为以下之一：{string.Join("、", Roles.All)} (unknown role)", "role");
        if (string.IsNullOrWhiteSpace(input.OrgCode))
            throw AppError.BadRequest("须指定所属机构 (org is required)", "org");
        CheckPassword(input.Password);
    }

    private static void CheckPassword(string password)
    {
        if (password.Length < MinPasswordLength)
            throw AppError.BadRequest($"密码至少 {MinPasswordLength} 个字符 (the password needs at least {MinPasswordLength} characters)", "password");
    }

    private static AppError WrongCredentials() =>
        new(AppErrorKind.Forbidden, "用户名或密码不正确 (wrong user name or password)", "password", "SignInFailed");

    private static AppError Locked(TimeSpan left) =>
        new(AppErrorKind.Forbidden,
            $"密码错误次数过多，账户已锁定，请 {Math.Max(1, (int)Math.Ceiling(left.TotalMinutes))} 分钟后再试 (too many wrong passwords; the account is locked for a while)",
            "password", "AccountLocked");
}
