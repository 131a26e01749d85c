namespace ResourceHub.Domain.Jobs;

/// <summary>
/// A blob (or every blob under a prefix) that no row refers to any more: written in the same save as the
/// change that orphaned it, deleted by the background cleaner once <see cref="NotBefore"/> has passed.
/// A crash or a blob-store outage delays the deletion; it never forgets it.
/// </summary>
public class BlobCleanup
{
    public long Id { get; set; }
    public string Key { get; set; } = "";
    /// <summary>True: delete every blob whose key starts with <see cref="Key"/> (a deleted resource's folder).</summary>
    public bool IsPrefix { get; set; }
    public DateTime NotBefore { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
