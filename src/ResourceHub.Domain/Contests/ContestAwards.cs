namespace ResourceHub.Domain.Contests;

/// <summary>Award levels, best first: 一等奖, 二等奖, 三等奖, 优秀奖.</summary>
public static class ContestAwards
{
    public const string First = "first";
    public const string Second = "second";
    public const string Third = "third";
    public const string Excellence = "excellence";

    public static readonly IReadOnlyList<string> Ordered = [First, Second, Third, Excellence];

    public static bool IsKnown(string? level) => level is not null && Ordered.Contains(level);

    public static string NameOf(string? level) => level switch
    {
        First => "一等奖",
        Second => "二等奖",
        Third => "三等奖",
        Excellence => "优秀奖",
        _ => "",
    };
}
