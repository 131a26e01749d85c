namespace ResourceHub.Blobs.S3;

/// <summary>Connection settings for an S3-compatible server (MinIO, Ceph RGW, AWS), bound from <c>ResourceHub:S3</c>.</summary>
public sealed class S3BlobStoreOptions
{
    /// <summary>S3's minimum size of every multipart part except the last.</summary>
    public const long MinPartSizeBytes = 5L * 1024 * 1024;

    /// <summary>Largest part size accepted here; parts are buffered in memory one at a time.</summary>
    public const long MaxPartSizeBytes = 512L * 1024 * 1024;

    public const long DefaultPartSizeBytes = 16L * 1024 * 1024;

    /// <summary>e.g. <c>http://minio:9000</c>.</summary>
    public string ServiceUrl { get; set; } = "";

    public string Bucket { get; set; } = "";

    public string AccessKey { get; set; } = "";

    public string SecretKey { get; set; } = "";

    public string Region { get; set; } = "us-east-1";

    /// <summary>Create the bucket on first use when it does not exist.</summary>
    public bool CreateBucketIfMissing { get; set; }

    /// <summary>Uploads smaller than one part are a single PutObject; larger ones are multipart with parts of this size.</summary>
    public long PartSizeBytes { get; set; } = DefaultPartSizeBytes;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (!Uri.TryCreate(ServiceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            throw new ArgumentException($"S3 ServiceUrl '{ServiceUrl}' must be an absolute http(s) URL.");
        if (string.IsNullOrWhiteSpace(Bucket))
            throw new ArgumentException("S3 Bucket is required.");
        if (string.IsNullOrEmpty(AccessKey) || string.IsNullOrEmpty(SecretKey))
            throw new ArgumentException("S3 AccessKey and SecretKey are required.");
        if (string.IsNullOrWhiteSpace(Region))
            throw new ArgumentException("S3 Region is required.");
        if (PartSizeBytes < MinPartSizeBytes || PartSizeBytes > MaxPartSizeBytes)
            throw new ArgumentException(
                $"S3 PartSizeBytes must be between {MinPartSizeBytes} and {MaxPartSizeBytes}, not {PartSizeBytes}.");
    }
}
