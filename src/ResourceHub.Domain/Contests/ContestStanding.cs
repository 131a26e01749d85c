namespace ResourceHub.Domain.Contests;

/// <summary>One entry's line on the results: every part of its final score, its rank and award.</summary>
public sealed record ContestStanding(
    Guid EntryId, Guid ResourceId, string Title, string EntrantOrg, string Status, string? StatusReason,
    int ExpertCount, double? ExpertMean, long Votes, long FlaggedVotes, double VoteScore, double FinalScore, int? Rank, string? Award);

/// <summary>
/// The score formula, in one place: final = expert mean (out of 100) × expert weight + vote score × public
/// weight, where the vote score is the entry's votes as a share of the most-voted entry's (out of 100).
/// Only eligible entries are ranked; ties go to the higher expert mean, then more votes, then the earlier entry.
/// </summary>
public static class ContestScoring
{
    public sealed record EntryFacts(ContestEntry Entry, string Title, IReadOnlyList<ContestScore> Scores, long Votes, long FlaggedVotes);

    public static string Formula(Contest c) =>
        FormulaInChinese(c) + $" (final = expert mean × {c.ExpertWeight}% + vote score × {c.PublicWeight}%, vote score = votes ÷ top votes × 100)";

    /// <summary>The formula as teachers read it on the results page.</summary>
    public static string FormulaInChinese(Contest c) =>
        $"最终得分 = 专家评审均分(百分制) × {c.ExpertWeight}% + 投票得分 × {c.PublicWeight}%；投票得分 = 作品票数 ÷ 最高票数 × 100";

    public static List<ContestStanding> Rank(Contest contest, IEnumerable<EntryFacts> facts)
    {
        var list = facts.ToList();
        var ranked = list.Where(f => f.Entry.Status == EntryStatus.Eligible).ToList();
        var topVotes = ranked.Count == 0 ? 0 : ranked.Max(f => f.Votes);
        var lines = list.Select(f =>
        {
            double? mean = f.Scores.Count == 0 ? null : Math.Round(f.Scores.Average(s => s.MaxTotal > 0 ? s.Total / s.MaxTotal * 100 : 0), 2);
            var voteScore = topVotes == 0 ? 0 : Math.Round(100.0 * f.Votes / topVotes, 2);
            var final = Math.Round(((mean ?? 0) * contest.ExpertWeight + voteScore * contest.PublicWeight) / 100, 2);
            return new ContestStanding(f.Entry.Id, f.Entry.ResourceId, f.Title, f.Entry.EntrantOrg, f.Entry.Status, f.Entry.StatusReason,
                f.Scores.Count, mean, f.Votes, f.FlaggedVotes, voteScore, final, null, f.Entry.Award);
        }).ToList();
        var order = lines.Where(l => l.Status == EntryStatus.Eligible)
            .OrderByDescending(l => l.FinalScore).ThenByDescending(l => l.ExpertMean ?? 0).ThenByDescending(l => l.Votes)
            .ThenBy(l => list.First(f => f.Entry.Id == l.EntryId).Entry.EnteredAt).ToList();
        var ranks = order.Select((l, i) => (l.EntryId, Rank: i + 1)).ToDictionary(x => x.EntryId, x => x.Rank);
        return lines.Select(l => l with { Rank = ranks.TryGetValue(l.EntryId, out var r) ? r : null })
            .OrderBy(l => l.Rank ?? int.MaxValue).ThenBy(l => l.Title, StringComparer.Ordinal).ToList();
    }

    /// <summary>Awards by rank: the first FirstPrizes ranked entries win 一等奖, the next SecondPrizes 二等奖, and so on.</summary>
    public static Dictionary<Guid, string?> AwardsByRank(Contest contest, IReadOnlyList<ContestStanding> standings)
    {
        var awards = standings.ToDictionary(s => s.EntryId, _ => (string?)null);
        var ranked = standings.Where(s => s.Rank is not null).OrderBy(s => s.Rank).ToList();
        var next = 0;
        foreach (var level in ContestAwards.Ordered)
            for (var i = 0; i < contest.AwardCount(level) && next < ranked.Count; i++)
                awards[ranked[next++].EntryId] = level;
        return awards;
    }
}
