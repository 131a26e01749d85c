using Microsoft.Data.Sqlite;
using ResourceHub.Indexing.Documents;
using ResourceHub.Indexing.Understanding;
using ResourceHub.Query.Model;

namespace ResourceHub.Indexing.Fts;

/// <summary>
/// Relevance order for searches with more matches than the exact ranking can take in time: every concept in the
/// title first, then in title, tags and code names, then anywhere, then documents with only enough concepts
/// (minimum-should-match); within a tier by curation boost, newest first. Row ids sort by boost (<see cref="FtsRowId"/>), so
/// each tier is "MATCH … ORDER BY rowid DESC LIMIT n": FTS5 stops after a page instead of scoring
/// 50,000 matches. With that many matches the words barely discriminate (bm25's idf is near zero),
/// so where they occur and the experts' verdict are the useful signal.
/// </summary>
internal sealed class FtsTieredQuery(SearchRequest request, StructuredQuery text, long generation)
{
    /// <summary>First value of a tiered $skiptoken: [marker, tier, row id].</summary>
    private const string Marker = "tier";


    /// <summary>Tiers order by relevance only: an explicit $orderby sorts every match as asked.</summary>
    public static bool Applies(SearchRequest request, StructuredQuery text) => request.Query.OrderBy.Count == 0 && !text.IsEmpty;

    public static bool IsCursor(KeysetPosition? position) =>
        position is { Values: [var marker, _, _] } && FtsValues.ToDb(marker) is Marker;

    /// <summary>A tiered hit's score: its tier's weight (the column weights, then half the lowest) × boost.</summary>
    public static double Score(int tier, RankingBoost boost, SearchDocument d) =>
        TierWeights[tier] * boost.Factor(d.RecommendationLevel, d.QualityScore);

    private static readonly double[] TierWeights = [.. FtsSchema.TextColumnWeights, FtsSchema.TextColumnWeights[^1] / 2];

    /// <summary>The page after the cursor, walking tier by tier; each hit with its tier.</summary>
    public List<(long Rid, int Tier)> Page(SqliteConnection c, SqliteTransaction tx, out KeysetPosition? next)
    {
        var (tier, after) = Start();
        var page = new List<(long, int)>();
        for (; tier < FtsMatch.Tiers && page.Count < request.PageSize; tier++, after = null)
        {
            using var cmd = TierCommand(c, tx, tier, after, request.PageSize - page.Count);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
                page.Add((reader.GetInt64(0), tier));
        }
        next = page.Count == request.PageSize && page.Count > 0
            ? new KeysetPosition([Marker, (long)page[^1].Item2, page[^1].Item1])
            : null;
        return page;
    }

    private (int Tier, long? After) Start()
    {
        if (request.Query.After is not { } cursor)
            return (0, null);
        if (!IsCursor(cursor) || FtsValues.ToDb(cursor.Values[1]) is not long tier || FtsValues.ToDb(cursor.Values[2]) is not long rid
            || tier is < 0 or >= FtsMatch.Tiers)
            throw new SearchQueryException("分页游标与排序不符 ($skiptoken does not match this search)");
        return ((int)tier, rid);
    }

    private SqliteCommand TierCommand(SqliteConnection c, SqliteTransaction tx, int tier, long? after, int limit)
    {
        var sql = new SqlBuilder();
        var fts = FtsSchema.Fts(generation);
        var rows = FtsQuery.MatchingRows(sql, generation, FtsMatch.Tier(text, tier, FtsAccess.Match(request.Scope)), request,
            after is { } rid ? $"{fts}.rowid < {sql.Add(rid)}" : null);
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT {fts}.rowid {rows} ORDER BY {fts}.rowid DESC LIMIT {sql.Add(limit)}";
        sql.ApplyTo(cmd);
        return cmd;
    }
}
