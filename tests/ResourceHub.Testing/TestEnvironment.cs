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
}
