using System.Text;
using ResourceHub.Domain.Access;
using ResourceHub.Indexing.Documents;

namespace ResourceHub.Indexing.Fts;

/// <summary>
/// Visibility as FTS tokens: each document's status, owner org, creator and subject are indexed in the
/// "access" column, so the visibility rule runs inside MATCH (a merge of posting lists) instead of a
/// per-match lookup in docs_N. Counting 50,000 visible matches then costs milliseconds.
/// </summary>
internal static class FtsAccess
{
    // Codes and user ids may hold any character; hex keeps them one 'ascii'-tokenizer word each.
    private static string Token(string prefix, string value) => prefix + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(value));

    public static string Tokens(SearchDocument d) =>
        string.Join(' ', Token("st", d.Status), Token("og", d.OwnerOrg), Token("by", d.CreatedBy), Token("sb", d.Subject));

    /// <summary>The scope as an expression on the access column; null when the caller sees everything.</summary>
    public static string? Match(VisibilityScope scope)
    {
        if (scope.All)
            return null;
        var clauses = new List<string>();
        clauses.AddRange(scope.PublicStatuses.Select(s => Quote(Token("st", s))));
        clauses.AddRange(scope.OwnerOrgs.Select(o => Quote(Token("og", o))));
        if (scope.CreatedBy is not null)
            clauses.Add(Quote(Token("by", scope.CreatedBy)));
        if (scope.ReviewSubjects.Count > 0 && scope.ReviewStatuses.Count > 0)
            clauses.Add($"(({AnyOf("sb", scope.ReviewSubjects)}) AND ({AnyOf("st", scope.ReviewStatuses)}))");
        // "none" is never indexed (every token is a prefix and hex), so an empty scope matches nothing.
        return "access : (" + (clauses.Count == 0 ? Quote("none") : string.Join(" OR ", clauses)) + ")";
    }

    private static string AnyOf(string prefix, IEnumerable<string> values) => string.Join(" OR ", values.Select(v => Quote(Token(prefix, v))));

    private static string Quote(string token) => "\"" + token + "\"";
}
