namespace ResourceHub.Domain.Curation;

/// <summary>A workshop host's 推优: a published item put forward for the next level, with a reason.</summary>
public class Nomination
{
    public Guid Id { get; set; }
    public Guid ResourceId { get; set; }
    public string Level { get; set; } = "";
    public string Reason { get; set; } = "";
    public string NominatedBy { get; set; } = "";
    public string NominatorOrg { get; set; } = "";
    public DateTime At { get; set; }
}
