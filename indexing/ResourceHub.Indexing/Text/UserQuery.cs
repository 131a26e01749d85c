namespace ResourceHub.Indexing.Text;

/// <summary>
/// The user's search text as both engines understand it: whitespace-separated words that must all
/// match, and words prefixed with '-' that must not. Quotes are treated as plain separators. This is
/// the subset of simple_query_string syntax the FTS engine reproduces exactly.
/// </summary>
public sealed record UserQuery(IReadOnlyList<string> Required, IReadOnlyList<string> Excluded)
{
    public static UserQuery Parse(string? text)
    {
        var required = new List<string>();
        var excluded = new List<string>();
        foreach (var raw in (text ?? "").Split((char[])[' ', '\t', '\u3000', '"', '+', '|'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw.StartsWith('-') && raw.Length > 1)
                excluded.Add(raw[1..]);
            else if (raw != "-")
                required.Add(raw);
        }
        return new UserQuery(required.Where(w => CjkTokenizer.ForQuery(w).Count > 0).ToList(),
            excluded.Where(w => CjkTokenizer.ForQuery(w).Count > 0).ToList());
    }

    public bool IsEmpty => Required.Count == 0;

    /// <summary>The text as simple_query_string should see it (same words, same exclusions).</summary>
    public string ToSimpleQueryString() =>
        string.Join(' ', Required.Select(w => w).Concat(Excluded.Select(w => "-" + w)));

    /// <summary>How many tokens the required words produce: the phrases an engine matches and scores per document.</summary>
    public int TokenCount => Required.Sum(w => CjkTokenizer.ForQuery(w).Count);

    /// <summary>Every token a required word produces, for highlighting.</summary>
    public IReadOnlyList<string> HighlightTokens() =>
        Required.SelectMany(CjkTokenizer.ForQuery).Distinct().ToList();

    /// <summary>True when the whole query is a single CJK character, which bigram fields cannot match.</summary>
    public bool IsSingleCjkCharacter =>
        Required.Count == 1 && Excluded.Count == 0 && CjkTokenizer.ForQuery(Required[0]) is [{ } t] && t.EnumerateRunes().Count() == 1
        && CjkTokenizer.IsCjk(t.EnumerateRunes().First());
}
