namespace ResourceHub.Domain.Contests;

/// <summary>A resource its owner entered into a contest, with the 初审 decision and the award it won.</summary>
public class ContestEntry
{
    public Guid Id { get; set; }
    public Guid ContestId { get; set; }
    public Guid ResourceId { get; set; }
    /// <summary>Who entered it and for which organisation (the resource's owner).</summary>
    public string EntrantId { get; set; } = "";
    public string EntrantOrg { get; set; } = "";
    public string Status { get; set; } = EntryStatus.Entered;
    /// <summary>Why it was found ineligible or disqualified.</summary>
    public string? StatusReason { get; set; }
    /// <summary>A <see cref="ContestAwards"/> level, or null.</summary>
    public string? Award { get; set; }
    public DateTime EnteredAt { get; set; }
    public long Version { get; set; }
}
