namespace ResourceHub.Domain.Contests;

/// <summary>Where an entry stands: entered, then judged eligible or not at 初审; an admin may disqualify later (with a reason).</summary>
public static class EntryStatus
{
    public const string Entered = "entered";
    public const string Eligible = "eligible";
    public const string Ineligible = "ineligible";
    public const string Disqualified = "disqualified";
}
