namespace ResourceHub.Domain.Curation;

/// <summary>The open (or last) review round of a resource: which rubric judges it and how many experts it needs.</summary>
public class ReviewCase
{
    public Guid ResourceId { get; set; }
    public int Round { get; set; }
    public Guid RubricId { get; set; }
    /// <summary>The rubric's RequiredReviews, plus one once reviews disagree.</summary>
    public int ReviewsNeeded { get; set; }
    /// <summary>Copied from the rubric at submission so a later rubric edit cannot unmask a running round.</summary>
    public bool Blind { get; set; }
    public DateTime OpenedAt { get; set; }

    /// <summary>Starts the next round under this rubric (first submission, resubmission or revision).</summary>
    public void Open(Rubric rubric, DateTime at)
    {
        Round++;
        RubricId = rubric.Id;
        ReviewsNeeded = rubric.RequiredReviews;
        Blind = rubric.BlindReview;
        OpenedAt = at;
    }
}
