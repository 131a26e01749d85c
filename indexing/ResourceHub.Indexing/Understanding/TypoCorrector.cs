namespace ResourceHub.Indexing.Understanding;

/// <summary>One proposed fix: the text as typed, and the curriculum term it probably means.</summary>
public sealed record Correction(string Typed, string Term);

/// <summary>
/// Proposes curriculum terms for what looks like a typo: a stretch of the query (three characters or more) that is not
/// a term itself but sounds like one (平行四变形 → 平行四边形, same pinyin), or differs from a term of four characters
/// or more in one character (蒸腾做用 → 蒸腾作用). Whether a fix is used is the engine's call: only when the typed
/// word finds few documents and the term finds more (<see cref="QueryUnderstanding"/>).
/// </summary>
public sealed class TypoCorrector
{
    private const int MinLength = 3;
    private const int MaxLength = 10;
    private readonly HashSet<string> _terms;
    private readonly Dictionary<string, string> _bySound = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byPattern = new(StringComparer.Ordinal);
    private readonly Homophones _homophones;

    public TypoCorrector(IEnumerable<string> terms, Homophones homophones)
    {
        _homophones = homophones;
        _terms = terms.Where(t => t.Length is >= MinLength and <= MaxLength && t.All(IsIdeograph)).ToHashSet(StringComparer.Ordinal);
        foreach (var term in _terms.OrderBy(t => t, StringComparer.Ordinal))
        {
            foreach (var key in homophones.Keys(term))
                _bySound.TryAdd(key, term);
            if (term.Length >= 4)
                foreach (var pattern in Patterns(term))
                    _byPattern.TryAdd(pattern, term);
        }
    }

    /// <summary>Non-overlapping fixes, longest first, for the ideograph runs of a normalized text.</summary>
    public IReadOnlyList<Correction> Propose(string normalized)
    {
        var found = new List<(int Start, Correction Fix)>();
        var taken = new bool[normalized.Length];
        for (var length = Math.Min(MaxLength, normalized.Length); length >= MinLength; length--)
        {
            for (var start = 0; start + length <= normalized.Length; start++)
            {
                var window = normalized.Substring(start, length);
                if (!window.All(IsIdeograph) || taken.AsSpan(start, length).Contains(true) || _terms.Contains(window))
                    continue;
                if (Fix(window) is not { } term)
                    continue;
                found.Add((start, new Correction(window, term)));
                taken.AsSpan(start, length).Fill(true);
            }
            // A term typed correctly keeps its characters from being "corrected" into a shorter, overlapping term.
            for (var start = 0; start + length <= normalized.Length; start++)
                if (_terms.Contains(normalized.Substring(start, length)))
                    taken.AsSpan(start, length).Fill(true);
        }
        return found.OrderBy(f => f.Start).Select(f => f.Fix).ToList();
    }

    private string? Fix(string window)
    {
        foreach (var key in _homophones.Keys(window))
            if (_bySound.TryGetValue(key, out var term) && term != window)
                return term;
        if (window.Length >= 4)
            foreach (var pattern in Patterns(window))
                if (_byPattern.TryGetValue(pattern, out var term) && term != window)
                    return term;
        return null;
    }

    // 蒸腾作用 → ?腾作用, 蒸?作用, 蒸腾?用, 蒸腾作?
    private static IEnumerable<string> Patterns(string word)
    {
        for (var i = 0; i < word.Length; i++)
            yield return string.Concat(word.AsSpan(0, i), "?", word.AsSpan(i + 1));
    }

    private static bool IsIdeograph(char c) => c is >= '\u4E00' and <= '\u9FFF';
}
