using System.Text;

namespace ResourceHub.Indexing.Understanding;

/// <summary>
/// Folds what a teacher types to the form documents are matched in: Unicode NFKC (full-width letters, digits and
/// punctuation to half-width), lower case, and traditional → simplified with OpenCC's tables (phrases first, longest
/// match, then single characters), so 課堂評價 finds 课堂评价.
/// </summary>
public sealed class ChineseText
{
    private readonly Dictionary<string, string> _phrases = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _characters = [];
    private readonly int _longestPhrase;

    private ChineseText()
    {
        foreach (var (from, to) in Pairs("TSPhrases.txt"))
            _phrases[from] = to;
        foreach (var (from, to) in Pairs("TSCharacters.txt"))
            if (from.EnumerateRunes().Count() == 1)
                _characters[from.EnumerateRunes().First().Value] = to;
        _longestPhrase = _phrases.Keys.Select(k => k.Length).DefaultIfEmpty(0).Max();
    }

    public static ChineseText Default { get; } = new();

    public string Normalize(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var sb = new StringBuilder(folded.Length);
        for (var i = 0; i < folded.Length;)
        {
            if (Phrase(folded, i) is { } phrase)
            {
                sb.Append(phrase.To);
                i += phrase.Length;
                continue;
            }
            var rune = Rune.GetRuneAt(folded, i);
            sb.Append(_characters.TryGetValue(rune.Value, out var simple) ? simple : rune.ToString());
            i += rune.Utf16SequenceLength;
        }
        return sb.ToString();
    }

    private (string To, int Length)? Phrase(string text, int at)
    {
        for (var length = Math.Min(_longestPhrase, text.Length - at); length >= 2; length--)
            if (_phrases.TryGetValue(text.Substring(at, length), out var to))
                return (to, length);
        return null;
    }

    private static IEnumerable<(string From, string To)> Pairs(string file) =>
        DataFiles.Lines(DataFiles.Text(file))
            .Select(l => l.Split('\t'))
            .Where(p => p.Length == 2)
            .Select(p => (p[0], p[1].Split(' ')[0]));
}
