using ResourceHub.Api.OData;
using ResourceHub.Domain.Contests;
using ResourceHub.Query.Model;

namespace ResourceHub.Api.Contests;

/// <summary>The Contests set: the settings, the phase with its Chinese name and planned end (for a countdown), and the score formula.</summary>
public sealed class ContestDefinition : EntityDefinition<Contest>
{
    public static readonly ContestDefinition Instance = new();

    public override string SetName => "Contests";
    public override string TypeName => "Contest";
    public override string KeyName => "Id";

    public override IReadOnlyList<EntityField<Contest>> Fields { get; } =
    [
        new("Id", FieldType.Guid, c => c.Id),
        new("Title", FieldType.String, c => c.Title),
        new("Rules", FieldType.String, c => c.Rules, Filterable: false, Sortable: false),
        new("Kinds", FieldType.StringCollection, c => c.Kinds),
        new("Subjects", FieldType.StringCollection, c => c.Subjects),
        new("Stages", FieldType.StringCollection, c => c.Stages),
        new("RegionOrg", FieldType.String, c => c.RegionOrg),
        new("TrainingProject", FieldType.String, c => c.TrainingProject, Nullable: true),
        new("RubricId", FieldType.Guid, c => c.RubricId),
        new("Phase", FieldType.String, c => c.Phase),
        new("PhaseName", FieldType.String, c => ContestPhases.NameOf(c.Phase), Filterable: false, Sortable: false),
        new("PhaseEndsAt", FieldType.DateTimeOffset, c => c.PhaseEndsAt, Nullable: true, Filterable: false, Sortable: false),
        new("CollectFrom", FieldType.DateTimeOffset, c => c.CollectFrom),
        new("ScreenFrom", FieldType.DateTimeOffset, c => c.ScreenFrom),
        new("JudgeFrom", FieldType.DateTimeOffset, c => c.JudgeFrom),
        new("PublicityFrom", FieldType.DateTimeOffset, c => c.PublicityFrom),
        new("ResultsFrom", FieldType.DateTimeOffset, c => c.ResultsFrom),
        new("ExpertWeight", FieldType.Int64, c => (long)c.ExpertWeight),
        new("PublicWeight", FieldType.Int64, c => (long)c.PublicWeight, Filterable: false, Sortable: false),
        new("Formula", FieldType.String, c => ContestScoring.Formula(c), Filterable: false, Sortable: false),
        new("FirstPrizes", FieldType.Int64, c => (long)c.FirstPrizes),
        new("SecondPrizes", FieldType.Int64, c => (long)c.SecondPrizes),
        new("ThirdPrizes", FieldType.Int64, c => (long)c.ThirdPrizes),
        new("ExcellencePrizes", FieldType.Int64, c => (long)c.ExcellencePrizes),
        new("VotesPerDay", FieldType.Int64, c => (long)c.VotesPerDay),
        new("CreatedBy", FieldType.String, c => c.CreatedBy),
        new("CreatedAt", FieldType.DateTimeOffset, c => c.CreatedAt),
        new("UpdatedAt", FieldType.DateTimeOffset, c => c.UpdatedAt),
    ];

    public override object KeyOf(Contest entity) => entity.Id;
    public override string ETagOf(Contest entity) => $"W/\"{entity.Version}\"";
}

/// <summary>Contests(id)/Entries: an entered resource, its 初审 decision and award.</summary>
public sealed class ContestEntryDefinition : EntityDefinition<ContestEntry>
{
    public static readonly ContestEntryDefinition Instance = new();

    public override string SetName => "ContestEntries";
    public override string TypeName => "ContestEntry";
    public override string KeyName => "Id";

    public override IReadOnlyList<EntityField<ContestEntry>> Fields { get; } =
    [
        new("Id", FieldType.Guid, e => e.Id),
        new("ContestId", FieldType.Guid, e => e.ContestId),
        new("ResourceId", FieldType.Guid, e => e.ResourceId),
        new("EntrantId", FieldType.String, e => e.EntrantId),
        new("EntrantOrg", FieldType.String, e => e.EntrantOrg),
        new("Status", FieldType.String, e => e.Status),
        new("StatusReason", FieldType.String, e => e.StatusReason, Nullable: true),
        new("Award", FieldType.String, e => e.Award, Nullable: true),
        new("AwardName", FieldType.String, e => ContestAwards.NameOf(e.Award), Filterable: false, Sortable: false),
        new("EnteredAt", FieldType.DateTimeOffset, e => e.EnteredAt),
    ];

    public override object KeyOf(ContestEntry entity) => entity.Id;
    public override string ETagOf(ContestEntry entity) => $"W/\"{entity.Version}\"";
}

/// <summary>One line of Contests(id)/Results(): every part of the final score, with the weights and the formula.</summary>
public sealed record ContestResultLine(ContestStanding Standing, Contest Contest);

public sealed class ContestResultDefinition : EntityDefinition<ContestResultLine>
{
    public static readonly ContestResultDefinition Instance = new();

    public override string SetName => "ContestResults";
    public override string TypeName => "ContestResult";
    public override string KeyName => "EntryId";

    public override IReadOnlyList<EntityField<ContestResultLine>> Fields { get; } =
    [
        new("EntryId", FieldType.Guid, l => l.Standing.EntryId),
        new("ResourceId", FieldType.Guid, l => l.Standing.ResourceId),
        new("Title", FieldType.String, l => l.Standing.Title),
        new("EntrantOrg", FieldType.String, l => l.Standing.EntrantOrg),
        new("Status", FieldType.String, l => l.Standing.Status),
        new("StatusReason", FieldType.String, l => l.Standing.StatusReason, Nullable: true),
        new("ExpertCount", FieldType.Int64, l => (long)l.Standing.ExpertCount),
        new("ExpertMean", FieldType.Double, l => l.Standing.ExpertMean, Nullable: true),
        new("Votes", FieldType.Int64, l => l.Standing.Votes),
        new("FlaggedVotes", FieldType.Int64, l => l.Standing.FlaggedVotes),
        new("VoteScore", FieldType.Double, l => l.Standing.VoteScore),
        new("ExpertWeight", FieldType.Int64, l => (long)l.Contest.ExpertWeight),
        new("PublicWeight", FieldType.Int64, l => (long)l.Contest.PublicWeight),
        new("FinalScore", FieldType.Double, l => l.Standing.FinalScore),
        new("Rank", FieldType.Int64, l => (long?)l.Standing.Rank, Nullable: true),
        new("Award", FieldType.String, l => l.Standing.Award, Nullable: true),
        new("AwardName", FieldType.String, l => ContestAwards.NameOf(l.Standing.Award)),
        new("Formula", FieldType.String, l => ContestScoring.Formula(l.Contest)),
    ];

    public override object KeyOf(ContestResultLine entity) => entity.Standing.EntryId;
}

public sealed class ContestScoreDefinition : EntityDefinition<ContestScore>
{
    public static readonly ContestScoreDefinition Instance = new();

    public override string SetName => "ContestScores";
    public override string TypeName => "ContestScore";
    public override string KeyName => "Id";

    public override IReadOnlyList<EntityField<ContestScore>> Fields { get; } =
    [
        new("Id", FieldType.Guid, s => s.Id),
        new("ContestId", FieldType.Guid, s => s.ContestId),
        new("EntryId", FieldType.Guid, s => s.EntryId),
        new("ExpertId", FieldType.String, s => s.ExpertId),
        new("Scores", FieldType.StringCollection, s => s.Scores),
        new("Total", FieldType.Double, s => s.Total),
        new("MaxTotal", FieldType.Double, s => s.MaxTotal),
        new("Comment", FieldType.String, s => s.Comment, Nullable: true),
        new("At", FieldType.DateTimeOffset, s => s.At),
    ];

    public override object KeyOf(ContestScore entity) => entity.Id;
}

/// <summary>Contests(id)/Audit: phase changes, 初审 decisions, disqualifications and awards, each with who, when and why.</summary>
public sealed class ContestEventDefinition : EntityDefinition<ContestEvent>
{
    public static readonly ContestEventDefinition Instance = new();

    public override string SetName => "ContestEvents";
    public override string TypeName => "ContestEvent";
    public override string KeyName => "Id";

    public override IReadOnlyList<EntityField<ContestEvent>> Fields { get; } =
    [
        new("Id", FieldType.Guid, e => e.Id),
        new("ContestId", FieldType.Guid, e => e.ContestId),
        new("EntryId", FieldType.Guid, e => e.EntryId, Nullable: true),
        new("Action", FieldType.String, e => e.Action),
        new("ActorId", FieldType.String, e => e.ActorId),
        new("ActorOrg", FieldType.String, e => e.ActorOrg),
        new("Reason", FieldType.String, e => e.Reason, Nullable: true),
        new("At", FieldType.DateTimeOffset, e => e.At),
    ];

    public override object KeyOf(ContestEvent entity) => entity.Id;
}

/// <summary>One stored vote (Vote's answer; FlaggedVotes() for the organisers).</summary>
public sealed class ContestVoteDefinition : EntityDefinition<ContestVote>
{
    public static readonly ContestVoteDefinition Instance = new();

    public override string SetName => "ContestVotes";
    public override string TypeName => "ContestVote";
    public override string KeyName => "Id";

    public override IReadOnlyList<EntityField<ContestVote>> Fields { get; } =
    [
        new("Id", FieldType.Guid, v => v.Id),
        new("ContestId", FieldType.Guid, v => v.ContestId),
        new("EntryId", FieldType.Guid, v => v.EntryId),
        new("VoterId", FieldType.String, v => v.VoterId),
        new("VoterOrg", FieldType.String, v => v.VoterOrg),
        new("At", FieldType.DateTimeOffset, v => v.At),
        new("Flags", FieldType.StringCollection, v => v.Flags.Split(',', StringSplitOptions.RemoveEmptyEntries)),
    ];

    public override object KeyOf(ContestVote entity) => entity.Id;
}

/// <summary>NominateWinners' answer: for each winner, whether it went forward or why not.</summary>
public sealed class WinnerNominationDefinition : EntityDefinition<Application.Contests.WinnerNomination>
{
    public static readonly WinnerNominationDefinition Instance = new();

    public override string SetName => "ContestNominations";
    public override string TypeName => "ContestNomination";
    public override string KeyName => "EntryId";

    public override IReadOnlyList<EntityField<Application.Contests.WinnerNomination>> Fields { get; } =
    [
        new("EntryId", FieldType.Guid, n => n.EntryId),
        new("ResourceId", FieldType.Guid, n => n.ResourceId),
        new("Award", FieldType.String, n => n.Award),
        new("Nominated", FieldType.Boolean, n => n.Nominated),
        new("Problem", FieldType.String, n => n.Problem, Nullable: true),
    ];

    public override object KeyOf(Application.Contests.WinnerNomination entity) => entity.EntryId;
}
