namespace ResourceHub.Media.Fingerprints;

/// <summary>
/// Difference hashes of 9×8 gray frames (<see cref="Commands.FfmpegCommands.FrameSamples"/>): bit = "this pixel is
/// darker than its right neighbour", 8 per row, 64 per frame. Coarse enough that re-encoding and scaling flip
/// only a few bits. A flat frame (no neighbours differing by more than <see cref="FlatTolerance"/>) gets 0: it
/// carries no picture to compare.
/// </summary>
public static class FrameHashes
{
    public const int Width = 9;
    public const int Height = 8;
    public const int FrameBytes = Width * Height;
    public const int FlatTolerance = 2;

    public static ulong[] Of(ReadOnlySpan<byte> frames)
    {
        var hashes = new ulong[frames.Length / FrameBytes];
        for (var f = 0; f < hashes.Length; f++)
            hashes[f] = Of1(frames.Slice(f * FrameBytes, FrameBytes));
        return hashes;
    }

    private static ulong Of1(ReadOnlySpan<byte> frame)
    {
        ulong hash = 0;
        var flat = true;
        for (var row = 0; row < Height; row++)
            for (var col = 0; col < Width - 1; col++)
            {
                int left = frame[row * Width + col], right = frame[row * Width + col + 1];
                flat &= Math.Abs(left - right) <= FlatTolerance;
                hash = (hash << 1) | (left < right ? 1UL : 0UL);
            }
        return flat ? 0 : hash;
    }
}
