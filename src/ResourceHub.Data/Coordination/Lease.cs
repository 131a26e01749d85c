namespace ResourceHub.Data.Coordination;

/// <summary>
/// A named right to do work that must run in one process at a time (blob cleaner, search indexer),
/// held by <see cref="Holder"/> until <see cref="ExpiresAt"/> unless renewed.
/// </summary>
public class Lease
{
    public string Name { get; set; } = "";
    public string Holder { get; set; } = "";
    public DateTime ExpiresAt { get; set; }
}
