using ResourceHub.Indexing.Text;

namespace ResourceHub.Indexing.Fts;

/// <summary>Builds FTS5 MATCH expressions from user text; tokens are quoted so no FTS5 syntax leaks through.</summary>
internal static class FtsMatch
{
    /// <summary>Every required word's tokens, ANDed; excluded words NOTed. Null when nothing searchable remains.</summary>
    public static string? For(UserQuery query)
    {
        if (query.IsEmpty)
            return null;
        var expression = string.Join(" AND ", query.Required.Select(Word));
        foreach (var excluded in query.Excluded)
            expression = $"({expression}) NOT {Word(excluded)}";
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
