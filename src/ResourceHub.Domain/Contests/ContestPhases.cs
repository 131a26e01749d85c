namespace ResourceHub.Domain.Contests;

/// <summary>征集 → 初审 → 评审与公众投票 → 公示 → 结果, one step at a time (an admin's Advance).</summary>
public static class ContestPhases
{
    public const string Collecting = "collecting";
    public const string Screening = "screening";
    public const string Judging = "judging";
    public const string Publicity = "publicity";
    public const string Closed = "closed";

    public static readonly IReadOnlyList<string> Ordered = [Collecting, Screening, Judging, Publicity, Closed];

    public static string NameOf(string phase) => phase switch
    {
        Collecting => "作品征集",
        Screening => "资格初审",
        Judging => "专家评审与公众投票",
        Publicity => "结果公示",
        Closed => "结果发布",
        _ => phase,
    };

    public static string? Next(string phase) => Ordered.IndexOf(phase) is var i and >= 0 && i + 1 < Ordered.Count ? Ordered[i + 1] : null;

    /// <summary>Results (scores, votes, ranks) are public from 公示 on.</summary>
    public static bool ResultsPublic(string phase) => phase is Publicity or Closed;

    private static int IndexOf(this IReadOnlyList<string> list, string value) => list.ToList().IndexOf(value);
}
