using ResourceHub.Blobs;

namespace ResourceHub.Api.Resources.Uploads;

/// <summary>
/// The parts of an upload read back to back as one stream, each opened only when the previous one
/// ends, so a 2 GB file costs one open blob and a copy buffer at a time.
/// </summary>
public sealed class PartsStream(IBlobStore blobs, IReadOnlyList<string> keys) : ReadOnlyStream
{
    private int _next;
    private Stream? _current;
    private long _served;

    protected override long BytesServed => _served;

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
            return 0;
        while (true)
        {
            if (_current is null)
            {
                if (_next == keys.Count)
                    return 0;
                var part = await blobs.OpenReadAsync(keys[_next++], null, cancellationToken)
                           ?? throw new InvalidOperationException("A part of the upload is missing from the blob store.");
                _current = part.Content;
            }
            var read = await _current.ReadAsync(buffer, cancellationToken);
            if (read > 0)
            {
                _served += read;
                return read;
            }
            await _current.DisposeAsync();
            _current = null;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _current?.Dispose();
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_current is not null)
            await _current.DisposeAsync();
        _current = null;
        await base.DisposeAsync();
    }
}
