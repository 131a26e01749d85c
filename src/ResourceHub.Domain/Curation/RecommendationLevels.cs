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
    /// Which levels an administrator of a tier grants: each tier its own level; the province also
    /// forwards to the national (部级) level, which has no administrator of its own here.
    /// </summary>
    public static IReadOnlyList<string> GrantableBy(string? tier) => tier switch
    {
        "school" => [School],
        "county" => [County],
        "city" => [City],
        "province" => [Province, National],
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
