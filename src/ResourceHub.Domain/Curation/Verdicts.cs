namespace ResourceHub.Domain.Curation;

/// <summary>What an expert concludes in a review.</summary>
public static class Verdicts
{
    public const string Approve = "approve";
    public const string Changes = "changes";
    public const string Reject = "reject";

    public static readonly IReadOnlyList<string> All = [Approve, Changes, Reject];

    public static void CheckKnown(string verdict)
    {
        if (!All.Contains(verdict))
            throw CurationError.Invalid($"评审结论 '{verdict}' 无效 (verdict must be approve, changes or reject)", "verdict");
    }
}
