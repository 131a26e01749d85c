namespace ResourceHub.Bench.Fault;

/// <summary>Resident memory (bytes) of the API and the worker at the points the goal compares.</summary>
public sealed record RssFigures(long ApiStart, long ApiWarm, long ApiPeak, long ApiEnd, long WorkerWarm, long WorkerPeak, long WorkerEnd);

/// <summary>Highest RSS seen by the sampler while the run lasts.</summary>
public sealed class PeakRss
{
    public long Api { get; private set; }
    public long Worker { get; private set; }

    public void Observe(long api, long worker)
    {
        Api = Math.Max(Api, api);
        Worker = Math.Max(Worker, worker);
    }
}

/// <summary>Prints the run's figures and one PASS/FAIL line per goal.</summary>
public static class Report
{
    private const double RssTolerance = 0.20;

    public static bool Passed { get; private set; }

    public static void Print(Samples samples, double seconds, IReadOnlyList<string> faults, int activeAfterDrain, double drainSeconds,
        Consistency consistency, RssFigures rss, IReadOnlyList<string> loggedFailures)
    {
        var all = samples.All;
        Console.WriteLine();
        foreach (var fault in faults)
            Console.WriteLine(fault);
        Console.WriteLine($"requests: {all.Count} in {seconds:F1} s ({all.Count / seconds:F1}/s)");
        Console.WriteLine("by status: " + string.Join(", ", all.GroupBy(s => s.Status).OrderBy(g => g.Key).Select(g => $"{Status(g.Key)} × {g.Count()}")));
        var errors = all.Where(s => s.Status is 0 or >= 400).ToList();
        Console.WriteLine($"errors: {errors.Count}" + (errors.Count == 0 ? "" : " — " + string.Join(", ",
            errors.GroupBy(s => (s.Kind, s.Status)).OrderBy(g => g.Key.Status).Select(g => $"{g.Key.Kind} {Status(g.Key.Status)} × {g.Count()}"))));
        foreach (var ((kind, status), body) in samples.FirstBodies.OrderBy(b => b.Key.Status))
            Console.WriteLine($"  first {kind} {Status(status)}: {body}");

        Console.WriteLine($"{"kind",-10}{"n",7}{"p50 ms",9}{"p95 ms",9}{"p99 ms",9}");
        foreach (var kind in all.GroupBy(s => s.Kind).OrderBy(g => g.Key))
        {
            var sorted = kind.Select(s => s.Milliseconds).Order().ToList();
            Console.WriteLine($"{kind.Key,-10}{sorted.Count,7}{Samples.Percentile(sorted, 0.50),9:F0}{Samples.Percentile(sorted, 0.95),9:F0}{Samples.Percentile(sorted, 0.99),9:F0}");
        }

        var ratio = (double)rss.ApiEnd / rss.ApiWarm;
        Console.WriteLine($"API RSS MB: start {Mb(rss.ApiStart)}, after warm-up {Mb(rss.ApiWarm)}, peak {Mb(rss.ApiPeak)}, end {Mb(rss.ApiEnd)} (end/after warm-up {ratio:F2})");
        Console.WriteLine($"worker RSS MB: after warm-up {Mb(rss.WorkerWarm)}, peak {Mb(rss.WorkerPeak)}, end {Mb(rss.WorkerEnd)} (the restarted process)");
        Console.WriteLine($"jobs: {string.Join(", ", consistency.JobStates.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}"))}; " +
                          (activeAfterDrain == 0 ? $"queue drained {drainSeconds:F0} s after the traffic" : $"{activeAfterDrain} still active after {drainSeconds:F0} s"));
        Console.WriteLine($"consistency: {consistency.FilesChecked} files hashed through GET $value, {consistency.RenditionsChecked} renditions fetched, {consistency.Problems.Count} problems");
        foreach (var problem in consistency.Problems.Take(20))
            Console.WriteLine($"  {problem}");
        Console.WriteLine($"services logged {loggedFailures.Count} fail/crit lines");
        foreach (var line in loggedFailures.Distinct().Take(5))
            Console.WriteLine($"  {line}");

        var serverErrors = all.Count(s => s.Status >= 500);
        var results = new[]
        {
            Goal(serverErrors == 0, $"0 × 5xx ({serverErrors})"),
            Goal(consistency.Problems.Count == 0 && activeAfterDrain == 0, $"0 inconsistencies ({consistency.Problems.Count})"),
            Goal(Math.Abs(ratio - 1) <= RssTolerance, $"API RSS after the run within 20 % of after warm-up ({(ratio - 1) * 100:+0;-0} %)"),
        };
        Passed = results.All(r => r);
    }

    private static bool Goal(bool met, string text)
    {
        Console.WriteLine($"{(met ? "PASS" : "FAIL")} {text}");
        return met;
    }

    private static string Status(int status) => status == 0 ? "no answer" : status.ToString();

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("F0");
}
