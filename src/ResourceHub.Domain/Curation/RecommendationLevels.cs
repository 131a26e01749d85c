using ResourceHub.Domain.Taxonomy;

namespace ResourceHub.Domain.Curation;

/// <summary>一师一优课 style levels, climbed one step at a time: school → county → city → province → national.</summary>
public static class RecommendationLevels
{
    public const string School = "school";
    public const string County = "county";
    public const string City = "city";
    public const string Province = "province";
    public const string National = "national";

    public static readonly IReadOnlyList<string> Ordered = [School, County, City, Province, National];

    /// <summary>0 for none, 1 for school … 5 for national.</summary>
    public static int Rank(string? level) => level is null ? 0 : IndexOf(level) + 1;

    /// <summary>The only level an item at <paramref name="current"/> may move to next; null at the top.</summary>
    public static string? Next(string? current) => Rank(current) < Ordered.Count ? Ordered[Rank(current)] : null;

    /// <summary>
    /// Which levels an administrator of a tier grants: its own level and those below it (a county also
    /// grants school level to items of vendors registered with it, which have no school above them);
    /// the province also forwards to the national (部级) level, which has no administrator here.
    /// Climbing is still one step per recommendation.
    /// </summary>
    public static IReadOnlyList<string> GrantableBy(string? tier) => tier switch
    {
        "school" => Ordered.Take(1).ToList(),
        "county" => Ordered.Take(2).ToList(),
        "city" => Ordered.Take(3).ToList(),
        "province" => Ordered,
        _ => [],
    };

    public static string NameOf(string level) => TaxonomyCatalog.Default.Levels.NameOf(level) ?? level;

    public static void CheckKnown(string level)
    {
        if (IndexOf(level) < 0)
            throw CurationError.Invalid(
                $"推荐级别 '{level}' 不存在 (unknown level); 可用值: {string.Join(", ", Ordered)}", "level");
    }

    private static int IndexOf(string level)
    {
        for (var i = 0; i < Ordered.Count; i++)
            if (Ordered[i] == level)
                return i;
        return -1;
    }
}
