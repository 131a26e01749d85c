namespace ResourceHub.Domain.Contests;

/// <summary>One expert's rubric scores for one entry (评审), under the contest's rubric.</summary>
public class ContestScore
{
    public Guid Id { get; set; }
    public Guid ContestId { get; set; }
    public Guid EntryId { get; set; }
    public string ExpertId { get; set; } = "";
    public string ExpertOrg { get; set; } = "";
    /// <summary>"criterion=points" per rubric row, as reviews store them.</summary>
    public List<string> Scores { get; set; } = [];
    public double Total { get; set; }
    public double MaxTotal { get; set; }
    public string? Comment { get; set; }
    public DateTime At { get; set; }
}
