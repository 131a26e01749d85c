using System.Security.Cryptography;

namespace ResourceHub.Testing;

/// <summary>
/// A non-seekable stream of deterministic pseudo-random bytes of a given length, so large uploads
/// can be tested without holding them in memory or on disk.
/// </summary>
public sealed class PatternStream(long length, int seed = 7) : ResourceHub.Blobs.ReadOnlyStream
{
    private readonly Random _random = new(seed);
    private long _position;

    protected override long BytesServed => _position;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = (int)Math.Min(buffer.Length, length - _position);
        if (n <= 0)
            return 0;
        _random.NextBytes(buffer[..n]);
        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => new(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        Task.FromResult(Read(buffer, offset, count));

    /// <summary>The SHA-256 of the bytes a stream of this length and seed yields.</summary>
    public static byte[] Sha256Of(long length, int seed = 7)
    {
        using var stream = new PatternStream(length, seed);
        return SHA256.HashData(stream);
    }
}
