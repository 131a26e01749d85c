namespace ResourceHub.Domain.Duplicates;

/// <summary>
/// A duplicate an admin merged into the resource kept: the merged id now answers with a redirect to the kept one.
/// One row per merged id (its key), so two merges of the same duplicate cannot both succeed.
/// </summary>
public class ResourceMerge
{
    public Guid MergedId { get; set; }
    public Guid KeptId { get; set; }
    public string MergedBy { get; set; } = "";
    public DateTime MergedAt { get; set; }
}
