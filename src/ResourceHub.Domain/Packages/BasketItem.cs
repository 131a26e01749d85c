namespace ResourceHub.Domain.Packages;

/// <summary>A resource in a user's 备课篮 (one basket per user; a resource is in it at most once).</summary>
public class BasketItem
{
    public string UserId { get; set; } = "";
    public Guid ResourceId { get; set; }
    public DateTime AddedAt { get; set; }
}
