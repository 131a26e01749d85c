namespace ResourceHub.Domain.Curation;

/// <summary>One line of a resource's History: who did what, when, from which state to which, and why.</summary>
public class CurationEvent
{
    /// <summary>Increasing, so History reads in the order things happened even within one save.</summary>
    public long Id { get; set; }
    public Guid ResourceId { get; set; }
    /// <summary>A <see cref="CurationActions"/> code.</summary>
    public string Action { get; set; } = "";
    public string FromStatus { get; set; } = "";
    public string ToStatus { get; set; } = "";
    /// <summary>True when the step concerned a pending revision rather than the live item.</summary>
    public bool OnRevision { get; set; }
    public string? Level { get; set; }
    public string? Reason { get; set; }
    public string ActorId { get; set; } = "";
    public string ActorRole { get; set; } = "";
    public string ActorOrg { get; set; } = "";
    public DateTime At { get; set; }
}
