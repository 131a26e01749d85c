using System.Buffers.Binary;

namespace ResourceHub.Domain.Duplicates;

/// <summary>
/// Compares two videos' per-second 64-bit frame hashes (difference hashes of 9×8 gray frames): slides one
/// sequence along the other and takes the offset with the smallest mean Hamming distance, so a copy with its
/// head or tail trimmed still lines up; re-encoding and scaling move a frame's hash by a few bits at most.
/// A hash of 0 marks a flat frame (black, one colour), which says nothing and is skipped.
/// </summary>
public static class VideoAlignment
{
    /// <summary>Mean distance (of 64 bits) at or below which two aligned sequences are the same footage; unrelated ones sit near 30.</summary>
    public const double MaxMeanDistance = 10;
    /// <summary>The overlap must cover at least this many informative seconds and half of the shorter video.</summary>
    public const int MinOverlap = 5;

    /// <returns>The best alignment, or null when no offset overlaps enough.</returns>
    public static (double MeanDistance, int Offset, int Overlap)? Best(ulong[] a, ulong[] b)
    {
        var needed = Math.Max(MinOverlap, Math.Min(Informative(a), Informative(b)) / 2);
        (double, int, int)? best = null;
        for (var offset = -(b.Length - 1); offset < a.Length; offset++)
        {
            long sum = 0;
            var count = 0;
            for (int i = Math.Max(0, offset), j = i - offset; i < a.Length && j < b.Length; i++, j++)
            {
                if (a[i] == 0 || b[j] == 0)
                    continue;
                sum += StableHash.Hamming(a[i], b[j]);
                count++;
            }
            if (count < needed)
                continue;
            var mean = sum / (double)count;
            if (best is null || mean < best.Value.Item1)
                best = (mean, offset, count);
        }
        return best;
    }

    /// <summary>1 for identical footage, falling to 0 at half the bits differing on average; null when not a match.</summary>
    public static double? Score(ulong[] a, ulong[] b) =>
        Best(a, b) is { } best && best.MeanDistance <= MaxMeanDistance ? Math.Max(0, 1 - best.MeanDistance / 32) : null;

    private static int Informative(ulong[] hashes) => hashes.Count(h => h != 0);

    /// <summary>The tokens a video is looked up by: each informative frame's four 16-bit quarters (a frame a few bits away keeps most).</summary>
    public static IEnumerable<ulong> Tokens(ulong[] hashes) =>
        hashes.Where(h => h != 0).SelectMany(h => Enumerable.Range(0, 4).Select(q => ((ulong)q << 16) | ((h >> (16 * q)) & 0xFFFF)));
}

/// <summary>64-bit hashes as stored bytes (little-endian, whatever the machine).</summary>
public static class HashBytes
{
    public static byte[] From(ulong[] hashes)
    {
        var bytes = new byte[hashes.Length * 8];
        for (var i = 0; i < hashes.Length; i++)
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * 8), hashes[i]);
        return bytes;
    }

    public static ulong[] To(byte[] bytes)
    {
        var hashes = new ulong[bytes.Length / 8];
        for (var i = 0; i < hashes.Length; i++)
            hashes[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(i * 8));
        return hashes;
    }
}
