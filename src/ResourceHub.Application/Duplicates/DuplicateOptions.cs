namespace ResourceHub.Application.Duplicates;

/// <summary>ResourceHub:Duplicates — what an upload of a file another resource already has does, per kind.</summary>
public sealed class DuplicateOptions
{
    public const string Warn = "warn";
    public const string Refuse = "refuse";

    /// <summary>Kind code → <see cref="Warn"/> (the default: stored, the pair recorded for reviewers) or <see cref="Refuse"/> (409).</summary>
    public Dictionary<string, string> Policy { get; set; } = new(StringComparer.Ordinal);

    public bool Refuses(string kind) =>
        Policy.TryGetValue(kind, out var policy) && string.Equals(policy.Trim(), Refuse, StringComparison.OrdinalIgnoreCase);
}
