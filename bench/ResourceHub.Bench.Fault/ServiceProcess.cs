using System.Collections.Concurrent;
using System.Diagnostics;

namespace ResourceHub.Bench.Fault;

/// <summary>
/// `dotnet ResourceHub.Api.dll` in one role (api or worker) as a child process over the bench's database and
/// data folder, so its memory can be read from /proc and it can be killed like kill -9 would.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();
    private bool _disposed;

    private ServiceProcess(Process process, string role, Uri baseAddress)
    {
        _process = process;
        Role = role;
        BaseAddress = baseAddress;
    }

    public string Role { get; }
    public Uri BaseAddress { get; }
    public bool HasExited => _process.HasExited;
    public int Id => _process.Id;

    public static ServiceProcess Start(string role, int port, IReadOnlyDictionary<string, string> settings)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ResourceHub.Api.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        if (role == "worker")
            start.ArgumentList.Add("worker");
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ResourceHub__Role"] = role;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings)
            start.Environment[key.Replace(":", "__")] = value;
        var process = Process.Start(start)!;
        var service = new ServiceProcess(process, role, new Uri($"http://127.0.0.1:{port}"));
        // Drain both pipes so a chatty process never blocks on a full buffer; keep the tail for failures.
        process.OutputDataReceived += (_, e) => service.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => service.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Lines the process logged at warning level or above (its log format starts them with "warn:", "fail:", "crit:").</summary>
    public IReadOnlyList<string> Problems => _log.Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal)).ToList();

    public IReadOnlyList<string> Tail(int lines) => _log.TakeLast(lines).ToList();

    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                break;
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new InvalidOperationException($"{Role} did not become ready:\n" + string.Join("\n", Tail(40)));
    }

    /// <summary>Resident set size from /proc (Linux); 0 once the process is gone.</summary>
    public long RssBytes()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            return 0;
        }
    }

    /// <summary>SIGKILL to this process alone, as kill -9 or the OOM killer would: no graceful hand-back of its jobs.</summary>
    public void KillNine()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        _log.Enqueue(line);
        while (_log.Count > 2000)
            _log.TryDequeue(out _);
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
