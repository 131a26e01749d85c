namespace ResourceHub.Domain.Access;

/// <summary>
/// Blind review hides who uploaded an item from its reviewers. Blanking the fields in what they are shown is
/// not enough: a filter, sort, group or facet on them would still test the uploader. So for a caller who sees
/// other people's items under review (an expert), the uploader fields take part in no query at all — whether
/// or not any blind item is among the results, so a refusal itself tells nothing.
/// </summary>
public static class UploaderPrivacy
{
    /// <summary>Every field that names the uploader or their organisation; a blind review blanks each of them (ReviewerView).</summary>
    public static readonly IReadOnlyList<string> Fields = ["CreatedBy", "OwnerOrg", "TrainingProject", "Workshop", "FileName"];

    public static bool AppliesTo(Caller caller) => caller.Is(Roles.Expert);

    /// <summary>Why this caller may not query by these fields, or null.</summary>
    public static string? Denial(Caller caller, IEnumerable<string> fieldsUsed)
    {
        if (!AppliesTo(caller))
            return null;
        var used = fieldsUsed.FirstOrDefault(f => Fields.Contains(f, StringComparer.OrdinalIgnoreCase));
        return used is null
            ? null
            : $"评审专家不能按上传者（{used}）筛选、排序或统计，以保证匿名评审 (reviewers cannot filter, sort, group or facet by the uploader field {used})";
    }
}
