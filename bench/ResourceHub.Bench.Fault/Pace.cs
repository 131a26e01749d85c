using System.Diagnostics;

namespace ResourceHub.Bench.Fault;

/// <summary>Lets at most one caller through per interval, across all clients.</summary>
public sealed class Pace(TimeSpan interval)
{
    private long _next;

    public bool TryTake()
    {
        var now = Stopwatch.GetTimestamp();
        var next = Interlocked.Read(ref _next);
        return now >= next && Interlocked.CompareExchange(ref _next, now + (long)(interval.TotalSeconds * Stopwatch.Frequency), next) == next;
    }
}
