namespace ResourceHub.Indexing.Understanding;

/// <summary>
/// Typo tolerance, the same for both engines (each only counts documents its own way): a proposed curriculum term
/// (<see cref="TypoCorrector"/>) replaces what was typed when the typed word finds fewer than <see cref="FewResults"/>
/// documents and the term finds more; the search then runs corrected and says so (<see cref="StructuredQuery.DidYouMean"/>).
/// A search that still finds nothing retries with long words relaxed to half their character pairs.
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

    /// <summary>The character-pair fallback when a first page came back empty; null when it would change nothing.</summary>
    public static StructuredQuery? Relaxed(SearchRequest request, StructuredQuery text, int hits)
    {
        if (hits > 0 || request.Query.After is not null)
            return null;
        var relaxed = text.Relaxed();
        return relaxed.Concepts.SequenceEqual(text.Concepts) && relaxed.MinimumShouldMatch == text.MinimumShouldMatch ? null : relaxed;
    }
}
