using ResourceHub.Domain.Taxonomy;

namespace ResourceHub.Domain.Curation;

/// <summary>
/// At most MaxCount recommendations at Level by the region RegionCode for Subject in Year. Used
/// is counted on the row itself, whose Version makes two admins racing for the last place collide.
/// </summary>
public class RecommendationQuota
{
    public Guid Id { get; set; }
    public string Level { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public string Subject { get; set; } = "";
    public int Year { get; set; }
    public int MaxCount { get; set; }
    public int Used { get; set; }
    public long Version { get; set; }

    public void Use()
    {
        if (Used >= MaxCount)
            throw CurationError.Conflict(
                $"{Year} 年{TaxonomyCatalog.Default.Subjects.NameOf(Subject) ?? Subject}学科{RecommendationLevels.NameOf(Level)}推荐名额已用完（{Used}/{MaxCount}）" +
                $" (the {Level} quota for {Subject} in {Year} is used up: {Used} of {MaxCount})");
        Used++;
    }
}
