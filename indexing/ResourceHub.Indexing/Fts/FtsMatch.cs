using ResourceHub.Indexing.Text;

namespace ResourceHub.Indexing.Fts;

/// <summary>Builds FTS5 MATCH expressions from user text; tokens are quoted so no FTS5 syntax leaks through.</summary>
internal static class FtsMatch
{
    /// <summary>
    /// Every required word's tokens, ANDed, in the text columns; excluded words NOTed; optionally only
    /// documents the access expression admits. Null when nothing searchable remains.
    /// </summary>
    public static string? For(UserQuery query, string? access = null) =>
        query.IsEmpty ? null : Restrict($"{FtsSchema.TextColumns} : ({Required(query)})", query, access);

    /// <summary>The ranking tiers of the tiered order, best first: words in the title; else in tags and code names; else anywhere.</summary>
    public const int Tiers = 3;

    /// <summary>The documents of one tier: every word matches within the tier's columns but not within a better tier's.</summary>
    public static string Tier(UserQuery query, int tier, string? access)
    {
        var words = Required(query);
        var inner = tier switch
        {
            0 => $"title : ({words})",
            1 => $"({{title keywords}} : ({words})) NOT (title : ({words}))",
            _ => $"({FtsSchema.TextColumns} : ({words})) NOT ({{title keywords}} : ({words}))",
        };
        return Restrict(inner, query, access);
    }

    private static string Required(UserQuery query) => string.Join(" AND ", query.Required.Select(Word));

    private static string Restrict(string expression, UserQuery query, string? access)
    {
        if (access is not null)
            expression = $"({expression}) AND {access}";
        foreach (var excluded in query.Excluded)
            expression = $"({expression}) NOT ({FtsSchema.TextColumns} : {Word(excluded)})";
        return expression;
    }

    /// <summary>Title tokens for autocomplete: whole tokens, the last Latin word as a prefix.</summary>
    public static string? Prefix(string prefix)
    {
        var runs = CjkTokenizer.Runs(prefix).ToList();
        if (runs.Count == 0)
            return null;
        var parts = new List<string>();
        for (var i = 0; i < runs.Count; i++)
        {
            if (runs[i].Cjk)
                parts.AddRange(CjkTokenizer.ForQuery(runs[i].Text).Select(Quote));
            else
                parts.Add(Quote(runs[i].Text) + (i == runs.Count - 1 ? "*" : ""));
        }
        return "title : (" + string.Join(" AND ", parts) + ")";
    }

    private static string Word(string word) => "(" + string.Join(" AND ", CjkTokenizer.ForQuery(word).Select(Quote)) + ")";

    private static string Quote(string token) => "\"" + token.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
