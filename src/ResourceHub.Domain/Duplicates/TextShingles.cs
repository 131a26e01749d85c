using System.Globalization;
using System.Text;

namespace ResourceHub.Domain.Duplicates;

/// <summary>
/// Text reduced to what two copies share however they were typed or laid out: NFKC (full-width → half-width),
/// lower case, letters and digits only (no spaces, punctuation or line breaks); then overlapping character
/// n-grams, which suit Chinese, where words are not separated.
/// </summary>
public static class TextShingles
{
    public static string Normalise(string text)
    {
        var normal = text.Normalize(NormalizationForm.FormKC);
        var kept = new StringBuilder(normal.Length);
        foreach (var c in normal)
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsLetterOrDigit(c) || category == UnicodeCategory.OtherLetter)
                kept.Append(char.ToLowerInvariant(c));
        }
        return kept.ToString();
    }

    /// <summary>The distinct n-grams of the normalised text, hashed.</summary>
    public static HashSet<ulong> Of(string normalised, int n)
    {
        var set = new HashSet<ulong>();
        for (var i = 0; i + n <= normalised.Length; i++)
            set.Add(StableHash.Of(normalised.AsSpan(i, n)));
        return set;
    }

    public static double Jaccard(HashSet<ulong> a, HashSet<ulong> b)
    {
        if (a.Count == 0 || b.Count == 0)
            return 0;
        var common = a.Count(b.Contains);
        return common / (double)(a.Count + b.Count - common);
    }
}
