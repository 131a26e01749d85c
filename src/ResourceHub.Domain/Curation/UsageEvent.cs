namespace ResourceHub.Domain.Curation;

/// <summary>
/// One download or one rating (new or changed), appended when it happens and never changed: the totals in
/// <see cref="ResourceStats"/> say how much, these rows say when (downloads and ratings over time).
/// </summary>
public class UsageEvent
{
    public const string Download = "download";
    public const string Rating = "rating";

    public long Id { get; set; }
    public Guid ResourceId { get; set; }
    /// <summary><see cref="Download"/> or <see cref="Rating"/>.</summary>
    public string Kind { get; set; } = "";
    /// <summary>The stars given, for a rating.</summary>
    public int? Stars { get; set; }
    public DateTime At { get; set; }
}
