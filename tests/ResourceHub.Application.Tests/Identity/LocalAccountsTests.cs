using Microsoft.EntityFrameworkCore;
using ResourceHub.Application;
using ResourceHub.Application.Identity;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Users;
using ResourceHub.Testing;

namespace ResourceHub.Application.Tests.Identity;

/// <summary>Local sign-in against the system of record, on both databases: hashes, the lockout and its expiry.</summary>
public abstract class LocalAccountsTests(string provider) : IAsyncLifetime
{
    private readonly TestClock _clock = new(new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);
    public async Task DisposeAsync() => await _db.DisposeAsync();

    private LocalAccounts Accounts(ResourceHubDbContext context) => new(context, _clock);

    private async Task AddAsync(string password = "correct-horse")
    {
        await using var context = _db.CreateContext();
        await Accounts(context).AddAsync(new NewAccount("zhou.li", "周丽", Roles.Expert, "hf-edu", ["math"], password), default);
    }

    private async Task<Caller> SignInAsync(string password)
    {
        await using var context = _db.CreateContext();
        return await Accounts(context).SignInAsync("zhou.li", password, default);
    }

    protected async Task The_right_password_gives_the_caller_and_only_a_hash_is_stored()
    {
        await AddAsync();
        var caller = await SignInAsync("correct-horse");
        Assert.Equal(new[] { "zhou.li", "周丽", Roles.Expert, "hf-edu" }, new[] { caller.UserId, caller.DisplayName, caller.Role, caller.OrgCode });
        Assert.Equal(["math"], caller.Subjects);
        await using var context = _db.CreateContext();
        var stored = await context.Set<LocalAccount>().SingleAsync();
        Assert.DoesNotContain("correct-horse", stored.PasswordHash);
    }

    protected async Task Repeated_wrong_passwords_lock_the_account_until_the_lock_expires()
    {
        await AddAsync();
        for (var i = 1; i < SignInLockout.MaxFailures; i++)
            Assert.Equal("SignInFailed", (await Assert.ThrowsAsync<AppError>(() => SignInAsync("wrong"))).Code);
        Assert.Equal("AccountLocked", (await Assert.ThrowsAsync<AppError>(() => SignInAsync("wrong"))).Code);
        var locked = await Assert.ThrowsAsync<AppError>(() => SignInAsync("correct-horse"));
        Assert.Equal("AccountLocked", locked.Code);
        Assert.Contains("15 分钟", locked.Message);

        _clock.Advance(SignInLockout.Duration + TimeSpan.FromSeconds(1));
        Assert.Equal("zhou.li", (await SignInAsync("correct-horse")).UserId);
    }

    protected async Task Unknown_users_and_weak_passwords_are_refused_in_Chinese()
    {
        Assert.Equal("SignInFailed", (await Assert.ThrowsAsync<AppError>(() => SignInAsync("whatever"))).Code);
        var weak = await Assert.ThrowsAsync<AppError>(() => AddAsync("short"));
        Assert.StartsWith("密码至少 8 个字符", weak.Message);
        await using var context = _db.CreateContext();
        var badRole = await Assert.ThrowsAsync<AppError>(() =>
            Accounts(context).AddAsync(new NewAccount("x", "x", "guest", "acme", [], "long-enough"), default));
        Assert.Equal("role", badRole.Target);
    }
}

public sealed class SqliteLocalAccountsTests() : LocalAccountsTests(DatabaseOptions.Sqlite)
{
    [Fact] public Task Right_password() => The_right_password_gives_the_caller_and_only_a_hash_is_stored();
    [Fact] public Task Lockout() => Repeated_wrong_passwords_lock_the_account_until_the_lock_expires();
    [Fact] public Task Refusals() => Unknown_users_and_weak_passwords_are_refused_in_Chinese();
}

public sealed class PostgresLocalAccountsTests() : LocalAccountsTests(DatabaseOptions.Postgres)
{
    [PostgresFact] public Task Right_password() => The_right_password_gives_the_caller_and_only_a_hash_is_stored();
    [PostgresFact] public Task Lockout() => Repeated_wrong_passwords_lock_the_account_until_the_lock_expires();
    [PostgresFact] public Task Refusals() => Unknown_users_and_weak_passwords_are_refused_in_Chinese();
}
