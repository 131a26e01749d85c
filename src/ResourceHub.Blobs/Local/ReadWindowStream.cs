namespace ResourceHub.Blobs.Local;

/// <summary>
/// Read-only view of <c>count</c> bytes of a file starting at its current position; owns (and disposes) the file.
/// Used for ranges and to hide the blob file header.
/// </summary>
internal sealed class ReadWindowStream : ReadOnlyStream
{
    private readonly FileStream _file;
    private readonly long _length;
    private long _position;

    public ReadWindowStream(FileStream file, long count)
    {
        _file = file;
        _length = count;
    }

    public override long Length => _length;

    protected override long BytesServed => _position;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = _file.Read(buffer[..Allowed(buffer.Length)]);
        _position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await _file.ReadAsync(buffer[..Allowed(buffer.Length)], cancellationToken).ConfigureAwait(false);
        _position += read;
        return read;
    }

    private int Allowed(int requested) => (int)Math.Min(requested, _length - _position);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _file.Dispose();
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _file.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
