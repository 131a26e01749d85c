using ResourceHub.Indexing.Text;
using ResourceHub.Indexing.Understanding;

namespace ResourceHub.Indexing.Fts;

/// <summary>
/// Builds FTS5 MATCH expressions from an understood query; every term is a quoted phrase of its index tokens, so no
/// FTS5 syntax leaks through. A concept is the OR of its terms; minimum-should-match is the OR of every choice of
/// that many counted concepts (at most C(8,6) = 28).
/// </summary>
internal static class FtsMatch
{
    /// <summary>
    /// Documents with enough of the query's concepts in the text columns, none of the excluded words, optionally only
    /// those the access expression admits. Null when nothing searchable remains.
    /// </summary>
    public static string? For(StructuredQuery query, string? access = null) =>
        query.IsEmpty ? null : Restrict($"{FtsSchema.TextColumns} : ({Required(query)})", query, access);

    /// <summary>The ranking tiers of the tiered order, best first: every concept in the title; in title, tags and code
    /// names; anywhere; then enough concepts (minimum-should-match) anywhere.</summary>
    public const int Tiers = 4;

    /// <summary>The documents of one tier, not those of a better one.</summary>
    public static string Tier(StructuredQuery query, int tier, string? access)
    {
        var all = All(query);
        var inner = tier switch
        {
            0 => $"title : ({all})",
            1 => $"({{title keywords}} : ({all})) NOT (title : ({all}))",
            2 => $"({FtsSchema.TextColumns} : ({all})) NOT ({{title keywords}} : ({all}))",
            _ => $"({FtsSchema.TextColumns} : ({Required(query)})) NOT ({FtsSchema.TextColumns} : ({all}))",
        };
        return Restrict(inner, query, access);
    }

    /// <summary>One concept alone (in the text columns), for counting how many documents it finds.</summary>
    public static string Concept(Concept concept, string? access) =>
        Restrict($"{FtsSchema.TextColumns} : {ConceptExpression(concept)}", StructuredQuery.Empty, access);

    /// <summary>The query's matches that have <paramref name="concept"/> in the description.</summary>
    public static string InBody(StructuredQuery query, Concept concept, string? access) =>
        Restrict($"(body : {ConceptExpression(concept)}) AND ({FtsSchema.TextColumns} : ({Required(query)}))", query, access);

    /// <summary>Enough counted concepts and every phrase.</summary>
    private static string Required(StructuredQuery query)
    {
        var parts = query.Mandatory.Select(ConceptExpression).ToList();
        if (query.Counted.Count > 0)
            parts.Add(AtLeast(query.Counted.Select(ConceptExpression).ToList(), query.MinimumShouldMatch));
        return string.Join(" AND ", parts);
    }

    private static string All(StructuredQuery query) =>
        string.Join(" AND ", query.Mandatory.Concat(query.Counted).Select(ConceptExpression));

    private static string ConceptExpression(Concept c)
    {
        var terms = c.TermTokens.Select(Phrase).Distinct().ToList();
        return c.MinimumTerms > 1 ? AtLeast(terms, c.MinimumTerms) : "(" + string.Join(" OR ", terms) + ")";
    }

    /// <summary>At least <paramref name="k"/> of the expressions: the OR of the ANDs of every k of them.</summary>
    private static string AtLeast(IReadOnlyList<string> expressions, int k)
    {
        if (k >= expressions.Count)
            return "(" + string.Join(" AND ", expressions) + ")";
        if (k <= 1)
            return "(" + string.Join(" OR ", expressions) + ")";
        return "(" + string.Join(" OR ", Choose(expressions.Count, k).Select(set => "(" + string.Join(" AND ", set.Select(i => expressions[i])) + ")")) + ")";
    }

    private static IEnumerable<int[]> Choose(int n, int k)
    {
        var pick = Enumerable.Range(0, k).ToArray();
        while (true)
        {
            yield return (int[])pick.Clone();
            var i = k - 1;
            while (i >= 0 && pick[i] == n - k + i)
                i--;
            if (i < 0)
                yield break;
            pick[i]++;
            for (var j = i + 1; j < k; j++)
                pick[j] = pick[j - 1] + 1;
        }
    }

    private static string Restrict(string expression, StructuredQuery query, string? access)
    {
        if (access is not null)
            expression = $"({expression}) AND {access}";
        foreach (var excluded in query.Excluded)
            expression = $"({expression}) NOT ({FtsSchema.TextColumns} : {Phrase(CjkTokenizer.ForQuery(excluded))})";
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

    /// <summary>Tokens in a row, as FTS5 phrase syntax: "平行 行四 四边 边形" matches them adjacent and in order.</summary>
    public static string Phrase(IReadOnlyList<string> tokens) => Quote(string.Join(' ', tokens));

    private static string Quote(string token) => "\"" + token.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
