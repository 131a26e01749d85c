namespace ResourceHub.Domain.Contests;

/// <summary>
/// One public vote, stored as its own row. (EntryId, VoterId, Day, Slot) is unique, so with N votes a day
/// allowed the slots 0…N−1 are all a voter can fill: two concurrent votes for one slot cannot both count.
/// </summary>
public class ContestVote
{
    public Guid Id { get; set; }
    public Guid ContestId { get; set; }
    public Guid EntryId { get; set; }
    public string VoterId { get; set; } = "";
    public string VoterOrg { get; set; } = "";
    /// <summary>The voting day in China time, as days since 0001-01-01 (<see cref="VoteDay"/>).</summary>
    public int Day { get; set; }
    public int Slot { get; set; }
    public DateTime At { get; set; }
    /// <summary>Anomaly flags (<see cref="VoteFlags"/>), comma-separated; empty for an ordinary vote. Flagged votes still count.</summary>
    public string Flags { get; set; } = "";
}

public static class VoteDay
{
    /// <summary>Voting days follow the voters' calendar: China Standard Time, UTC+8, no daylight saving.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static int Of(DateTime utc) => DateOnly.FromDateTime(utc + ChinaOffset).DayNumber;
}
