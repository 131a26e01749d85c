using System.Collections.Concurrent;

namespace ResourceHub.Bench.Fault;

/// <summary>One answered (or failed) request: its kind, HTTP status (0 = no answer: timeout or connection error) and latency.</summary>
public readonly record struct Sample(string Kind, int Status, double Milliseconds);

/// <summary>Every request of the measured run, plus the first body of each unexpected status for the report.</summary>
public sealed class Samples
{
    private readonly ConcurrentQueue<Sample> _all = new();
    private readonly ConcurrentDictionary<(string Kind, int Status), string> _firstBody = new();

    public bool Recording { get; set; }

    public void Add(Sample sample, Func<string>? body = null)
    {
        if (!Recording)
            return;
        _all.Enqueue(sample);
        if (body is not null)
            _firstBody.TryAdd((sample.Kind, sample.Status), body());
    }

    public IReadOnlyList<Sample> All => _all.ToArray();
    public IReadOnlyDictionary<(string Kind, int Status), string> FirstBodies => _firstBody;

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
