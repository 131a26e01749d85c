namespace ResourceHub.Indexing.Understanding;

/// <summary>
/// Typo tolerance, the same for both engines (each only counts documents its own way): a proposed curriculum term
/// (<see cref="TypoCorrector"/>) replaces what was typed when the typed word finds fewer than <see cref="FewResults"/>
/// documents and the term finds more; the search then runs corrected and says so (<see cref="StructuredQuery.DidYouMean"/>).
/// A search that still finds nothing retries with long words relaxed to half their character pairs and fewer concepts required.
/// </summary>
public static class TypoFallback
{
    public const int FewResults = 3;

    /// <summary>The corrected query, or null when nothing needs correcting.</summary>
    public static async Task<StructuredQuery?> CorrectedAsync(QueryUnderstanding understanding, string? search, Func<string, Task<long>> documents)
    {
        var accepted = new List<Correction>();
        foreach (var fix in understanding.Corrections(search))
        {
            var typed = await documents(fix.Typed);
            if (typed < FewResults && await documents(fix.Term) > typed)
                accepted.Add(fix);
        }
        if (accepted.Count == 0)
            return null;
        var corrected = understanding.Corrected(search!, accepted);
        return understanding.Understand(corrected) with { DidYouMean = corrected };
    }

    /// <summary>
    /// The character-pair fallback when a first page came back empty; null when it would change nothing. A pair of
    /// concepts is looked up one by one (<paramref name="documents"/>), the same count the typo step uses.
    /// </summary>
    public static async Task<StructuredQuery?> RelaxedAsync(SearchRequest request, StructuredQuery text, long hits, Func<string, Task<long>> documents)
    {
        if (hits > 0 || request.Query.After is not null)
            return null;
        var eachFinds = text.Counted.Count == 2 && await EachFindsSomethingAsync(text.Counted, documents);
        var relaxed = text.Relaxed(eachFinds);
        return relaxed.Concepts.SequenceEqual(text.Concepts) && relaxed.MinimumShouldMatch == text.MinimumShouldMatch ? null : relaxed;
    }

    private static async Task<bool> EachFindsSomethingAsync(IEnumerable<Concept> concepts, Func<string, Task<long>> documents)
    {
        foreach (var c in concepts)
            if (await documents(c.Text) == 0)
                return false;
        return true;
    }
}
