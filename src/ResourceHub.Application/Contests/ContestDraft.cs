namespace ResourceHub.Application.Contests;

/// <summary>What an admin fills in to create a contest (every adapter maps its input to this).</summary>
public sealed record ContestDraft(
    string? Title, string? Rules, IReadOnlyList<string>? Kinds, IReadOnlyList<string>? Subjects, IReadOnlyList<string>? Stages,
    string? TrainingProject, Guid? RubricId,
    DateTime? CollectFrom, DateTime? ScreenFrom, DateTime? JudgeFrom, DateTime? PublicityFrom, DateTime? ResultsFrom,
    int? ExpertWeight, int? FirstPrizes, int? SecondPrizes, int? ThirdPrizes, int? ExcellencePrizes, int? VotesPerDay);
