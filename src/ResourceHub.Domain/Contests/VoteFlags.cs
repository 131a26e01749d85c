namespace ResourceHub.Domain.Contests;

/// <summary>Why a vote looks suspicious. The admin sees these; the vote still counts.</summary>
public static class VoteFlags
{
    /// <summary>The voter's previous vote in the contest was less than <see cref="MachineSpeed"/> earlier.</summary>
    public const string MachineSpeedFlag = "machine-speed";
    /// <summary>The voter's account was created after voting opened.</summary>
    public const string NewAccountFlag = "new-account";
    /// <summary>At least <see cref="BurstVotes"/> votes for this entry from the voter's organisation within <see cref="BurstWindow"/>.</summary>
    public const string OrgBurstFlag = "org-burst";

    public static readonly TimeSpan MachineSpeed = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan BurstWindow = TimeSpan.FromMinutes(10);
    public const int BurstVotes = 20;

    public static string NameOf(string flag) => flag switch
    {
        MachineSpeedFlag => "投票速度异常（疑似机器投票）",
        NewAccountFlag => "投票开始后新注册的账号",
        OrgBurstFlag => "同一机构短时间内集中投票",
        _ => flag,
    };

    public static string Of(DateTime now, DateTime? previousVoteAt, DateTime? accountCreatedAt, DateTime votingOpenedAt, int orgVotesInWindow)
    {
        var flags = new List<string>();
        if (previousVoteAt is { } previous && now - previous < MachineSpeed)
            flags.Add(MachineSpeedFlag);
        if (accountCreatedAt is { } created && created > votingOpenedAt)
            flags.Add(NewAccountFlag);
        if (orgVotesInWindow + 1 >= BurstVotes)
            flags.Add(OrgBurstFlag);
        return string.Join(',', flags);
    }
}
