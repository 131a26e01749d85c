namespace ResourceHub.Api.Limits;

/// <summary>
/// Kestrel reports some malformed bodies as a plain IOException from the body stream (a chunk size
/// beyond 64 bits, a reset mid-body). Those are the client's doing, so they become a 400
/// BadHttpRequestException (itself an IOException, passed on as it is), answered with an OData error.
/// </summary>
public sealed class ClientBodyStream(Stream inner) : Stream
{
    public static void Wrap(HttpContext context)
    {
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
            context.Request.Body = new ClientBodyStream(context.Request.Body);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        try
        {
            return inner.Read(buffer, offset, count);
        }
        catch (IOException e) when (e is not BadHttpRequestException)
        {
            throw Malformed(e);
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        try
        {
            return await inner.ReadAsync(buffer, ct);
        }
        catch (IOException e) when (e is not BadHttpRequestException)
        {
            throw Malformed(e);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    private static BadHttpRequestException Malformed(IOException e) =>
        new($"the request body cannot be read: {e.Message}", StatusCodes.Status400BadRequest, e);

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
