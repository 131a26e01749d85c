namespace ResourceHub.Blobs;

/// <summary>An open blob. Disposing it releases the underlying file handle or HTTP connection.</summary>
public sealed class BlobReadResult : IDisposable, IAsyncDisposable
{
    public BlobReadResult(Stream content, long totalLength, string contentType, ResolvedByteRange? range,
        DateTimeOffset lastModified, string eTag)
    {
        Content = content;
        TotalLength = totalLength;
        ContentType = contentType;
        Range = range;
        LastModified = lastModified;
        ETag = eTag;
    }

    /// <summary>The requested bytes: the range when one was asked for, else the whole blob.</summary>
    public Stream Content { get; }

    /// <summary>Length of the whole blob (the number after the slash in <c>Content-Range</c>).</summary>
    public long TotalLength { get; }

    public string ContentType { get; }

    /// <summary>The range actually served, or null when the whole blob was requested.</summary>
    public ResolvedByteRange? Range { get; }

    /// <summary>Number of bytes <see cref="Content"/> yields.</summary>
    public long ContentLength => Range?.Length ?? TotalLength;

    public DateTimeOffset LastModified { get; }

    public string ETag { get; }

    public void Dispose() => Content.Dispose();

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
