namespace ResourceHub.Domain.Resources;

/// <summary>
/// Text found inside a resource's live file (slides and notes, paragraphs, PDF pages), bounded, written by the
/// media worker. The search index reads it from here: the database stays the source of truth.
/// </summary>
public class ResourceText
{
    public Guid ResourceId { get; set; }
    public string Text { get; set; } = "";
    public DateTime ExtractedAt { get; set; }
}
