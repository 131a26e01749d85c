namespace ResourceHub.Domain.Users;

/// <summary>Repeated wrong passwords lock an account for a while, so passwords cannot be guessed online.</summary>
public static class SignInLockout
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);

    public static bool IsLocked(LocalAccount account, DateTime now) => account.LockedUntil is { } until && until > now;

    /// <summary>Counts a wrong password; the last allowed one locks the account and starts counting again.</summary>
    public static void RecordFailure(LocalAccount account, DateTime now)
    {
        account.FailedAttempts++;
        account.UpdatedAt = now;
        if (account.FailedAttempts < MaxFailures)
            return;
        account.LockedUntil = now + Duration;
        account.FailedAttempts = 0;
    }

    public static void RecordSuccess(LocalAccount account, DateTime now)
    {
        if (account.FailedAttempts == 0 && account.LockedUntil is null)
            return;
        account.FailedAttempts = 0;
        account.LockedUntil = null;
        account.UpdatedAt = now;
    }
}
