namespace ResourceHub.Data.Outbox;

/// <summary>
/// "Resource X changed; its search document must be refreshed." Written in the same SaveChanges as
/// the change itself, so the index can lag behind the database but never miss a change.
/// </summary>
public class SearchOutboxEntry
{
    /// <summary>Ascending; the indexer drains in this order.</summary>
    public long Id { get; set; }
    public Guid ResourceId { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Set once the index has accepted the change; kept a while so a rebuild can replay it.</summary>
    public DateTime? ProcessedAt { get; set; }
}
