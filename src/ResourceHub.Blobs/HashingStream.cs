using System.Security.Cryptography;

namespace ResourceHub.Blobs;

/// <summary>
/// Read-only pass-through over an upload that computes SHA-256 and length as the bytes go by and throws
/// <see cref="BlobTooLargeException"/> on the read that crosses the limit. Every adapter reads uploads
/// through it, so hashing, counting and the size limit are written once.
/// </summary>
public sealed class HashingStream : ReadOnlyStream
{
    private readonly Stream _inner;
    private readonly long _maxBytes;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private string? _sha256;

    /// <param name="inner">The upload; not disposed by this stream.</param>
    public HashingStream(Stream inner, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        _inner = inner;
        _maxBytes = maxBytes;
    }

    /// <summary>Bytes read so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>True once the inner stream reported its end.</summary>
    public bool Completed { get; private set; }

    /// <summary>Lowercase hex SHA-256 of everything read; only available after the end was reached.</summary>
    public string Sha256Hex => _sha256 ?? throw new InvalidOperationException(
        "The SHA-256 is known only after the content has been read to its end.");

    /// <summary>Reads until <paramref name="buffer"/> is full or the content ends; returns the count read.</summary>
    public async Task<int> FillAsync(Memory<byte> buffer, CancellationToken ct)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await ReadAsync(buffer[total..], ct).ConfigureAwait(false);
            if (read == 0)
                break;
            total += read;
        }
        return total;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = _inner.Read(buffer);
        Account(buffer[..read], endReached: read == 0 && !buffer.IsEmpty);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Account(buffer.Span[..read], endReached: read == 0 && !buffer.IsEmpty);
        return read;
    }

    private void Account(ReadOnlySpan<byte> data, bool endReached)
    {
        if (endReached)
        {
            if (!Completed)
            {
                Completed = true;
                _sha256 = Convert.ToHexStringLower(_hash.GetHashAndReset());
            }
            return;
        }
        BytesRead += data.Length;
        if (BytesRead > _maxBytes)
            throw new BlobTooLargeException(_maxBytes);
        _hash.AppendData(data);
    }

    protected override long BytesServed => BytesRead;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _hash.Dispose();
        base.Dispose(disposing);
    }
}
