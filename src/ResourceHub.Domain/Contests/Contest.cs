using ResourceHub.Domain.Curation;

namespace ResourceHub.Domain.Contests;

/// <summary>
/// A 评选活动 run by an admin of a region: what may be entered, by whom, the phases with their planned
/// dates, the expert/public weights, how many awards of each level, and the voting allowance.
/// </summary>
public class Contest
{
    public const int MaxTitleLength = 200;
    public const int MaxRulesLength = 20_000;
    public const int MaxVotesPerDay = 10;
    public const int MaxAwardsPerLevel = 1000;

    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Markdown.</summary>
    public string Rules { get; set; } = "";
    /// <summary>Resource kinds accepted; empty means any.</summary>
    public List<string> Kinds { get; set; } = [];
    public List<string> Subjects { get; set; } = [];
    public List<string> Stages { get; set; } = [];
    /// <summary>The organiser's organisation: entrants and voters belong to it or an organisation below it.</summary>
    public string RegionOrg { get; set; } = "";
    /// <summary>When set, only resources from this training project (Resource.TrainingProject) may be entered.</summary>
    public string? TrainingProject { get; set; }
    /// <summary>The rubric experts score entries with.</summary>
    public Guid RubricId { get; set; }
    public string Phase { get; set; } = ContestPhases.Collecting;
    public DateTime CollectFrom { get; set; }
    public DateTime ScreenFrom { get; set; }
    public DateTime JudgeFrom { get; set; }
    public DateTime PublicityFrom { get; set; }
    public DateTime ResultsFrom { get; set; }
    /// <summary>Percent of the final score from the experts; the public part is the rest.</summary>
    public int ExpertWeight { get; set; } = 70;
    public int FirstPrizes { get; set; }
    public int SecondPrizes { get; set; }
    public int ThirdPrizes { get; set; }
    public int ExcellencePrizes { get; set; }
    /// <summary>Votes one user may give one entry per day (China time).</summary>
    public int VotesPerDay { get; set; } = 1;
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }

    public int PublicWeight => 100 - ExpertWeight;

    /// <summary>The planned start of each phase, in phase order.</summary>
    public IReadOnlyList<DateTime> PhaseDates => [CollectFrom, ScreenFrom, JudgeFrom, PublicityFrom, ResultsFrom];

    /// <summary>When the current phase is planned to end (the next phase's date); null in the last phase.</summary>
    public DateTime? PhaseEndsAt => ContestPhases.Ordered.ToList().IndexOf(Phase) is var i and >= 0 && i + 1 < PhaseDates.Count
        ? PhaseDates[i + 1]
        : null;

    public int AwardCount(string level) => level switch
    {
        ContestAwards.First => FirstPrizes,
        ContestAwards.Second => SecondPrizes,
        ContestAwards.Third => ThirdPrizes,
        ContestAwards.Excellence => ExcellencePrizes,
        _ => 0,
    };

    /// <summary>Every problem with the settings, as (message, field); empty when valid.</summary>
    public List<(string Message, string Target)> Problems()
    {
        var problems = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(Title))
            problems.Add(("活动标题不能为空 (Title is required)", "Title"));
        else if (Title.Length > MaxTitleLength)
            problems.Add(($"活动标题最多 {MaxTitleLength} 个字符 (Title is too long)", "Title"));
        if (string.IsNullOrWhiteSpace(Rules))
            problems.Add(("活动规则不能为空 (Rules is required)", "Rules"));
        else if (Rules.Length > MaxRulesLength)
            problems.Add(($"活动规则最多 {MaxRulesLength} 个字符 (Rules is too long)", "Rules"));
        if (ExpertWeight is < 0 or > 100)
            problems.Add(("专家评分权重须在 0 到 100 之间 (ExpertWeight must be 0–100)", "ExpertWeight"));
        if (VotesPerDay is < 1 or > MaxVotesPerDay)
            problems.Add(($"每人每天每件作品可投票数须在 1 到 {MaxVotesPerDay} 之间 (VotesPerDay must be 1–{MaxVotesPerDay})", "VotesPerDay"));
        foreach (var (count, name) in new[] { (FirstPrizes, "FirstPrizes"), (SecondPrizes, "SecondPrizes"), (ThirdPrizes, "ThirdPrizes"), (ExcellencePrizes, "ExcellencePrizes") })
            if (count is < 0 or > MaxAwardsPerLevel)
                problems.Add(($"奖项名额须在 0 到 {MaxAwardsPerLevel} 之间 (award counts must be 0–{MaxAwardsPerLevel})", name));
        var dates = PhaseDates;
        if (dates.Any(d => d == default))
            problems.Add(("须填写各阶段的开始日期 (every phase needs its start date)", "CollectFrom"));
        else if (dates.Zip(dates.Skip(1)).Any(p => p.Second < p.First))
            problems.Add(("各阶段日期须依次排列：征集、初审、评审、公示、结果 (phase dates must be in order)", "ResultsFrom"));
        if (TrainingProject is { Length: > CurationWorkflow.MaxReasonLength })
            problems.Add(("培训项目名称过长 (TrainingProject is too long)", "TrainingProject"));
        return problems;
    }
}
