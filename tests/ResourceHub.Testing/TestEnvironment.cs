namespace ResourceHub.Testing;

/// <summary>
/// Which optional servers the test run has. The project's test script starts them and sets the
/// REQUIRE flags, so there a missing server fails loudly instead of skipping.
/// </summary>
public static class TestEnvironment
{
    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable("RESOURCEHUB_TEST_POSTGRES");

    public static bool PostgresRequired => Environment.GetEnvironmentVariable("RESOURCEHUB_REQUIRE_POSTGRES") == "1";

    /// <summary>Skip reason for PostgreSQL tests, or null when they must run.</summary>
    public static string? PostgresSkipReason =>
        PostgresConnectionString is { Length: > 0 } || PostgresRequired
            ? null
            : "PostgreSQL tests skipped: RESOURCEHUB_TEST_POSTGRES is not set (scripts/test.sh starts a server and sets it)";

    /// <summary>API settings for the S3 blob store with a fresh bucket; fails clearly when no S3 server is configured.</summary>
    public static Dictionary<string, string?> S3Settings() => new()
    {
        ["ResourceHub:S3:ServiceUrl"] = Environment.GetEnvironmentVariable("S3_ENDPOINT") is { Length: > 0 } endpoint
            ? endpoint
            : throw new InvalidOperationException(
                "S3 tests need S3_ENDPOINT: run scripts/test.sh (it starts Ceph radosgw), or exclude them with --filter BlobStore!=s3"),
        ["ResourceHub:S3:AccessKey"] = Environment.GetEnvironmentVariable("S3_ACCESS_KEY") ?? "testaccess",
        ["ResourceHub:S3:SecretKey"] = Environment.GetEnvironmentVariable("S3_SECRET_KEY") ?? "testsecret",
        ["ResourceHub:S3:Bucket"] = "api-" + Guid.NewGuid().ToString("N")[..12],
        ["ResourceHub:S3:CreateBucketIfMissing"] = "true",
    };
}
