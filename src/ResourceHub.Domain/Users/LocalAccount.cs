namespace ResourceHub.Domain.Users;

/// <summary>
/// A password sign-in for a <see cref="User"/> in the embedded setup (production signs in through the
/// province's OpenID Connect provider instead). Holds only a salted hash, never the password.
/// </summary>
public class LocalAccount
{
    public string UserId { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    /// <summary>Wrong passwords since the last success or lockout.</summary>
    public int FailedAttempts { get; set; }
    public DateTime? LockedUntil { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
