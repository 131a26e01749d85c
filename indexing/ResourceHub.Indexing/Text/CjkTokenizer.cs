using System.Text;

namespace ResourceHub.Indexing.Text;

/// <summary>
/// Tokenizes like Elasticsearch's <c>cjk</c> analyzer so both engines match the same documents:
/// runs of CJK characters become overlapping bigrams (a lone character stays a unigram), other
/// letters and digits become lower-cased words. For indexing, unigrams are added as well so a
/// one-character query (圆) finds every text containing it.
/// </summary>
public static class CjkTokenizer
{
    public sealed record Run(string Text, bool Cjk);

    /// <summary>Tokens to store for a text.</summary>
    public static IEnumerable<string> ForIndex(string? text)
    {
        foreach (var run in Runs(text))
        {
            if (!run.Cjk)
            {
                yield return run.Text;
                continue;
            }
            var chars = Elements(run.Text);
            for (var i = 0; i + 1 < chars.Count; i++)
                yield return chars[i] + chars[i + 1];
            foreach (var c in chars)
                yield return c;
        }
    }

    /// <summary>Tokens a query word must all match: bigrams for CJK runs of two or more, else the unigram.</summary>
    public static IReadOnlyList<string> ForQuery(string? text)
    {
        var tokens = new List<string>();
        foreach (var run in Runs(text))
        {
            if (!run.Cjk)
            {
                tokens.Add(run.Text);
                continue;
            }
            var chars = Elements(run.Text);
            if (chars.Count == 1)
                tokens.Add(chars[0]);
            for (var i = 0; i + 1 < chars.Count; i++)
                tokens.Add(chars[i] + chars[i + 1]);
        }
        return tokens;
    }

    /// <summary>Pre-tokenized text for an FTS5 column (tokens separated by spaces).</summary>
    public static string Joined(string? text) => string.Join(' ', ForIndex(text));

    /// <summary>Splits text into CJK runs and lower-cased Latin/digit words; everything else separates.</summary>
    public static IEnumerable<Run> Runs(string? text)
    {
        if (string.IsNullOrEmpty(text))
            yield break;
        var current = new StringBuilder();
        var currentCjk = false;
        foreach (var rune in Normalize(text).EnumerateRunes())
        {
            var cjk = IsCjk(rune);
            var word = cjk || Rune.IsLetterOrDigit(rune);
            if (!word || (current.Length > 0 && cjk != currentCjk))
            {
                if (current.Length > 0)
                    yield return new Run(current.ToString(), currentCjk);
                current.Clear();
            }
            if (!word)
                continue;
            current.Append(cjk ? rune.ToString() : Rune.ToLowerInvariant(rune).ToString());
            currentCjk = cjk;
        }
        if (current.Length > 0)
            yield return new Run(current.ToString(), currentCjk);
    }

    /// <summary>Full-width Latin (ＡＢＣ１２３) folds to ASCII, as cjk_width does.</summary>
    private static string Normalize(string text) => text.Normalize(NormalizationForm.FormKC);

    private static List<string> Elements(string run)
    {
        var list = new List<string>(run.Length);
        foreach (var rune in run.EnumerateRunes())
            list.Add(rune.ToString());
        return list;
    }

    public static bool IsCjk(Rune r)
    {
        var v = r.Value;
        return v is >= 0x4E00 and <= 0x9FFF      // CJK unified ideographs
            or >= 0x3400 and <= 0x4DBF            // extension A
            or >= 0x20000 and <= 0x2FA1F          // extensions B–F, compatibility supplement
            or >= 0xF900 and <= 0xFAFF            // compatibility ideographs
            or >= 0x3040 and <= 0x30FF            // hiragana, katakana
            or >= 0xAC00 and <= 0xD7AF;           // hangul syllables
    }
}
