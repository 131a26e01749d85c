using System.Diagnostics;
using ResourceHub.Api.Identity;

namespace ResourceHub.Testing;

/// <summary>The API as a child process (benches), so its memory can be read from /proc apart from the benchmark's.</summary>
public sealed class ApiProcess : IDisposable
{
    private readonly Process _process;

    private readonly string _dataDir;

    private ApiProcess(Process process, Uri baseAddress, string dataDir)
    {
        _process = process;
        BaseAddress = baseAddress;
        _dataDir = dataDir;
    }

    public Uri BaseAddress { get; }

    /// <param name="environment">Extra settings in environment form (e.g. ResourceHub__RateLimits__Enabled=false).</param>
    public static ApiProcess Start(string dataDir, int port, IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ResourceHub.Api.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dll, "--urls", $"http://127.0.0.1:{port}" })
            start.ArgumentList.Add(arg);
        start.Environment["ResourceHub__DataDir"] = dataDir;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"api: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ApiProcess(process, new Uri($"http://127.0.0.1:{port}"), dataDir);
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

    /// <summary>A client of this API calling as <paramref name="user"/> with a bearer token it accepts.</summary>
    public async Task<HttpClient> ClientAsync(string user, string role, string org, TimeSpan timeout)
    {
        var http = new HttpClient { BaseAddress = BaseAddress, Timeout = timeout };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await TokenAsync(_dataDir, user, role, org));
        return http;
    }

    /// <summary>A token the API accepts: signed with the key it keeps in its database (SQLite under the data directory, created at start).</summary>
    public static async Task<string> TokenAsync(string dataDir, string user, string role, string org)
    {
        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<ResourceHub.Data.ResourceHubDbContext>();
        ResourceHub.Data.DataServiceCollectionExtensions.Configure(options, new ResourceHub.Data.DatabaseOptions(), dataDir);
        await using var db = new ResourceHub.Data.ResourceHubDbContext(options.Options);
        var key = await LocalSigningKey.LoadOrCreateAsync(db, dataDir);
        return new TokenIssuer(key, new IdentityOptions()).Issue(user, role, org);
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
