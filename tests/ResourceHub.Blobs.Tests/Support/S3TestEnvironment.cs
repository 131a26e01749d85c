using ResourceHub.Blobs.S3;

namespace ResourceHub.Blobs.Tests.Support;

/// <summary>
/// S3 integration tests run against the server named by S3_ENDPOINT (with S3_ACCESS_KEY / S3_SECRET_KEY).
/// Without it they are skipped, unless RESOURCEHUB_REQUIRE_S3=1 demands them: then they run and fail loudly.
/// </summary>
public static class S3TestEnvironment
{
    public static string? Endpoint => Environment.GetEnvironmentVariable("S3_ENDPOINT") is { Length: > 0 } e ? e : null;

    public static bool Required => Environment.GetEnvironmentVariable("RESOURCEHUB_REQUIRE_S3") == "1";

    /// <summary>Why S3 tests are skipped, or null when they must run.</summary>
    public static string? SkipReason => Endpoint is null && !Required
        ? "S3 integration test skipped: S3_ENDPOINT is not set (start one with 'bash scripts/ceph-s3.sh start' " +
          "and set S3_ENDPOINT, S3_ACCESS_KEY, S3_SECRET_KEY; RESOURCEHUB_REQUIRE_S3=1 turns this skip into a failure)."
        : null;

    public static S3BlobStoreOptions Options(string bucket, long partSizeBytes = S3BlobStoreOptions.MinPartSizeBytes)
    {
        var endpoint = Endpoint ?? throw new InvalidOperationException(
            "RESOURCEHUB_REQUIRE_S3=1 but S3_ENDPOINT is not set: the S3 integration tests cannot run.");
        return new S3BlobStoreOptions
        {
            ServiceUrl = endpoint,
            AccessKey = Environment.GetEnvironmentVariable("S3_ACCESS_KEY") ?? "",
            SecretKey = Environment.GetEnvironmentVariable("S3_SECRET_KEY") ?? "",
            Bucket = bucket,
            PartSizeBytes = partSizeBytes,
        };
    }

    /// <summary>A fresh bucket name (S3 allows 3-63 lowercase letters, digits and '-'; keep purpose short).</summary>
    public static string NewBucketName(string purpose) => $"rh-{purpose}-{Guid.NewGuid():N}";
}
