namespace ResourceHub.Domain.Curation;

/// <summary>One expert's scored review of one submission round.</summary>
public class Review
{
    public Guid Id { get; set; }
    public Guid ResourceId { get; set; }
    /// <summary>Which submission it judged: 1 for the first, one more for each resubmission or revision.</summary>
    public int Round { get; set; }
    public Guid RubricId { get; set; }
    public string ReviewerId { get; set; } = "";
    public string ReviewerOrg { get; set; } = "";
    /// <summary>"criterion=points" per rubric row.</summary>
    public List<string> Scores { get; set; } = [];
    public double Total { get; set; }
    public double MaxTotal { get; set; }
    public string? Comment { get; set; }
    public string Verdict { get; set; } = Verdicts.Approve;
    public DateTime CreatedAt { get; set; }
}
