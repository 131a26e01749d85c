namespace ResourceHub.Domain.Contests;

/// <summary>One line of a contest's audit history: a phase change, an eligibility decision, a disqualification, an award.</summary>
public class ContestEvent
{
    public Guid Id { get; set; }
    public Guid ContestId { get; set; }
    public Guid? EntryId { get; set; }
    public string Action { get; set; } = "";
    public string ActorId { get; set; } = "";
    public string ActorOrg { get; set; } = "";
    public string? Reason { get; set; }
    public DateTime At { get; set; }
}

public static class ContestActions
{
    public const string Create = "create";
    public const string Advance = "advance";
    public const string Enter = "enter";
    public const string Eligible = "eligible";
    public const string Ineligible = "ineligible";
    public const string Disqualify = "disqualify";
    public const string Award = "award";
    public const string Nominate = "nominate";
}
