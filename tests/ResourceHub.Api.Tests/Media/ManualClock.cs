namespace ResourceHub.Api.Tests.Media;

/// <summary>A clock the test moves by hand, so lease expiry and backoff need no sleeping.</summary>
public sealed class ManualClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    public override DateTimeOffset GetUtcNow() => Now;
    public void Advance(TimeSpan by) => Now += by;
}
