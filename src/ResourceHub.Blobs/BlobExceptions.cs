namespace ResourceHub.Blobs;

/// <summary>The upload exceeded <see cref="BlobStoreLimits.MaxBytes"/> (HTTP 413).</summary>
public sealed class BlobTooLargeException : Exception
{
    public BlobTooLargeException(long maxBytes)
        : base($"The content is larger than the limit of {maxBytes} bytes.")
    {
        MaxBytes = maxBytes;
    }

    public long MaxBytes { get; }
}

/// <summary>The requested range lies outside the blob (HTTP 416 with <c>Content-Range: bytes */TotalLength</c>).</summary>
public sealed class BlobRangeNotSatisfiableException : Exception
{
    public BlobRangeNotSatisfiableException(ByteRange range, long totalLength)
        : base($"The range {range} cannot be satisfied for a blob of {totalLength} bytes.")
    {
        Range = range;
        TotalLength = totalLength;
    }

    public ByteRange Range { get; }

    public long TotalLength { get; }
}
