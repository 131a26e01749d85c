using Xunit;

namespace ResourceHub.Testing;

/// <summary>A fact that needs PostgreSQL: skipped with the reason printed when none is configured.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = TestEnvironment.PostgresSkipReason;
}

/// <summary>A theory over both providers would hide the skip; this one runs only where PostgreSQL is configured.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute() => Skip = TestEnvironment.PostgresSkipReason;
}
