namespace ResourceHub.Blobs;

/// <summary>
/// Base of the forward-only, read-only wrappers (hashing, peeked prefix, file window): everything
/// a reader must not do answers NotSupported in one place.
/// </summary>
public abstract class ReadOnlyStream : Stream
{
    /// <summary>Bytes handed out so far (the stream's Position).</summary>
    protected abstract long BytesServed { get; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesServed;
        set => throw new NotSupportedException();
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
