namespace ResourceHub.Domain.Curation;

/// <summary>One row of a rubric table: what is judged, its maximum points, and how it is checked.</summary>
public class RubricCriterion
{
    public Guid Id { get; set; }
    public Guid RubricId { get; set; }
    public int Position { get; set; }
    public string Name { get; set; } = "";
    public double MaxPoints { get; set; }
    /// <summary>How the criterion is checked, e.g. 查阅资料 / 查看档案 / 实地查看.</summary>
    public string? Description { get; set; }
}
