using System.Diagnostics;

namespace ResourceHub.Bench.Transfer;

/// <summary>The API as a child process, so its memory can be read from /proc apart from the benchmark's.</summary>
public sealed class ApiProcess : IDisposable
{
    private readonly Process _process;

    private ApiProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static ApiProcess Start(string dataDir, int port)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ResourceHub.Api.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dll, "--urls", $"http://127.0.0.1:{port}" })
            start.ArgumentList.Add(arg);
        start.Environment["ResourceHub__DataDir"] = dataDir;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"api: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ApiProcess(process, new Uri($"http://127.0.0.1:{port}"));
    }

    public async Task WaitReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("the API did not become ready in 30 s");
    }

    /// <summary>Resident set size from /proc (Linux).</summary>
    public long RssBytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}

/// <summary>Samples a process's RSS every 20 ms until stopped; returns the peak.</summary>
public sealed class RssSampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<long> _loop;

    public RssSampler(ApiProcess process) => _loop = Task.Run(async () =>
    {
        var peak = 0L;
        while (!_stop.IsCancellationRequested)
        {
            peak = Math.Max(peak, process.RssBytes());
            try { await Task.Delay(20, _stop.Token); } catch (OperationCanceledException) { }
        }
        return peak;
    });

    public long Stop()
    {
        _stop.Cancel();
        return _loop.GetAwaiter().GetResult();
    }

    public void Dispose() => _stop.Dispose();
}

public static class Measure
{
    public static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed;
    }
}
