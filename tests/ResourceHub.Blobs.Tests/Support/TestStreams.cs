using System.Security.Cryptography;

namespace ResourceHub.Blobs.Tests.Support;

/// <summary>
/// Non-seekable stream of deterministic pseudo-random bytes, handed out in uneven chunks like a network body.
/// Byte i depends only on (seed, i), so expected content can be regenerated instead of kept in memory.
/// </summary>
public sealed class GeneratedStream : ResourceHub.Blobs.ReadOnlyStream
{
    private readonly long _length;
    private readonly int _seed;
    private long _position;

    public GeneratedStream(long length, int seed = 1)
    {
        _length = length;
        _seed = seed;
    }

    public static byte ByteAt(int seed, long index)
    {
        var z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)(index >> 3) + 1);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (byte)(z >> (int)((index & 7) * 8));
    }

    public static byte[] Bytes(long length, int seed = 1)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
            bytes[i] = ByteAt(seed, i);
        return bytes;
    }

    public static string Sha256Of(long length, int seed = 1)
    {
        using var stream = new GeneratedStream(length, seed);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        // Uneven chunk sizes (1..~64 KiB) exercise the callers' fill loops.
        var chunk = 1 + (int)((_position * 7919 + 13) % 65_536);
        var n = (int)Math.Min(Math.Min(buffer.Length, chunk), _length - _position);
        for (var i = 0; i < n; i++)
            buffer[i] = ByteAt(_seed, _position + i);
        _position += n;
        return n;
    }

    protected override long BytesServed => _position;
}

/// <summary>Yields some bytes, then fails like a dropped client connection.</summary>
public sealed class FailingStream(Stream inner, long failAfter) : ResourceHub.Blobs.ReadOnlyStream
{
    private long _position;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position >= failAfter)
            throw new IOException("The client went away.");
        var n = inner.Read(buffer[..(int)Math.Min(buffer.Length, failAfter - _position)]);
        _position += n;
        return n;
    }

    protected override long BytesServed => _position;
}

public static class StreamAssert
{
    /// <summary>Reads <paramref name="actual"/> to its end and asserts it equals <paramref name="expected"/>.</summary>
    public static async Task EqualAsync(Stream expected, Stream actual)
    {
        var a = new byte[81920];
        var b = new byte[81920];
        long offset = 0;
        while (true)
        {
            var n = await actual.ReadAsync(a);
            if (n == 0)
            {
                Assert.Equal(0, await expected.ReadAsync(b.AsMemory(0, 1)));
                return;
            }
            await expected.ReadExactlyAsync(b.AsMemory(0, n));
            if (!a.AsSpan(0, n).SequenceEqual(b.AsSpan(0, n)))
                Assert.Fail($"Content differs in the {n} bytes at offset {offset}.");
            offset += n;
        }
    }

    public static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
