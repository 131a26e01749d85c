namespace ResourceHub.Domain.Curation;

/// <summary>A teacher's 1–5 stars for a published item; one per teacher and item, changeable.</summary>
public class Rating
{
    public const int MinStars = 1;
    public const int MaxStars = 5;

    public Guid ResourceId { get; set; }
    public string UserId { get; set; } = "";
    public int Stars { get; set; }
    public DateTime RatedAt { get; set; }

    public static void CheckStars(int stars)
    {
        if (stars is < MinStars or > MaxStars)
            throw CurationError.Invalid($"评分须为 {MinStars} 到 {MaxStars} 星 (stars must be 1–5)", "stars");
    }
}
