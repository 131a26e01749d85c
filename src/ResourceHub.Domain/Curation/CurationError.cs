namespace ResourceHub.Domain.Curation;

public enum CurationErrorKind
{
    /// <summary>The caller's role, organisation, subject or relation to the item does not allow it.</summary>
    Forbidden,
    /// <summary>The item's state (or a quota) does not allow it now.</summary>
    Conflict,
    /// <summary>The request itself is malformed (scores, level, stars, reason).</summary>
    Invalid,
}

/// <summary>A curation rule said no. Messages are zh-CN with an English gloss, as teachers read them.</summary>
public sealed class CurationError(CurationErrorKind kind, string message, string? target = null) : Exception(message)
{
    public CurationErrorKind Kind { get; } = kind;
    public string? Target { get; } = target;

    public static CurationError Forbidden(string message) => new(CurationErrorKind.Forbidden, message);
    public static CurationError Conflict(string message) => new(CurationErrorKind.Conflict, message);
    public static CurationError Invalid(string message, string? target = null) => new(CurationErrorKind.Invalid, message, target);
}
