using System.Numerics;

namespace ResourceHub.Domain.Duplicates;

/// <summary>
/// MinHash signatures of token sets (Jaccard estimate = share of equal positions) and their LSH bands:
/// two sets with Jaccard J share at least one band with probability 1 − (1 − J^rows)^bands, so a lookup by
/// band finds the likely matches among tens of thousands without comparing against each.
/// </summary>
public static class MinHash
{
    public const int Size = 64;

    public static ulong[] Signature(IEnumerable<ulong> tokens)
    {
        var signature = new ulong[Size];
        Array.Fill(signature, ulong.MaxValue);
        foreach (var token in tokens)
            for (var i = 0; i < Size; i++)
            {
                var h = StableHash.Mix(token ^ Seeds[i]);
                if (h < signature[i])
                    signature[i] = h;
            }
        return signature;
    }

    public static double Similarity(ulong[] a, ulong[] b)
    {
        var equal = 0;
        for (var i = 0; i < Size; i++)
            if (a[i] == b[i] && a[i] != ulong.MaxValue)
                equal++;
        return equal / (double)Size;
    }

    /// <summary>One hash per band of <paramref name="rows"/> positions; the band's number is mixed in, so equal hashes mean the same band.</summary>
    public static long[] Bands(ulong[] signature, int rows)
    {
        var bands = new long[Size / rows];
        for (var b = 0; b < bands.Length; b++)
        {
            var h = StableHash.Mix((ulong)b + 0x9E3779B97F4A7C15UL);
            for (var r = 0; r < rows; r++)
                h = StableHash.Mix(h ^ signature[b * rows + r]);
            bands[b] = (long)h;
        }
        return bands;
    }

    private static readonly ulong[] Seeds = Enumerable.Range(1, Size).Select(i => StableHash.Mix((ulong)i * 0xD1B54A32D192ED03UL)).ToArray();
}

/// <summary>Hashes that stay the same across processes and versions (string.GetHashCode does not), for stored signatures.</summary>
public static class StableHash
{
    /// <summary>SplitMix64's finaliser: every input bit affects every output bit.</summary>
    public static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>FNV-1a over UTF-16 code units, then mixed.</summary>
    public static ulong Of(ReadOnlySpan<char> text)
    {
        var h = 0xCBF29CE484222325UL;
        foreach (var c in text)
        {
            h ^= c;
            h *= 0x100000001B3UL;
        }
        return Mix(h);
    }

    public static int Hamming(ulong a, ulong b) => BitOperations.PopCount(a ^ b);
}
