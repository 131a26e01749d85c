using System.Collections.Concurrent;
using System.Diagnostics;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Media;

/// <summary>`dotnet ResourceHub.Api.dll worker` as a child process over a test database and data folder.</summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private WorkerProcess(Process process) => _process = process;

    /// <summary>What the process has written to stdout and stderr so far (its log).</summary>
    public IReadOnlyList<string> Output => _output.ToArray();

    public static WorkerProcess Start(TestDatabase db, IDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { ApiDll(), "worker", "--urls", "http://127.0.0.1:0" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ResourceHub__DataDir"] = db.DataDir;
        start.Environment["ResourceHub__Database__Provider"] = db.Provider;
        start.Environment["ResourceHub__Database__ConnectionString"] = db.ConnectionString;
        foreach (var (key, value) in settings)
            start.Environment[key.Replace(":", "__")] = value;
        var process = Process.Start(start)!;
        var worker = new WorkerProcess(process);
        // Drain the pipes so a chatty worker never blocks on a full buffer.
        process.OutputDataReceived += (_, e) => worker.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => worker.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Waits until the host has started (its services run and it polls for jobs).</summary>
    public async Task WaitStartedAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Any(l => l.Contains("Application started", StringComparison.Ordinal)))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
                throw new InvalidOperationException("worker did not start:\n" + string.Join("\n", Output.TakeLast(40)));
            await Task.Delay(100);
        }
    }

    private void Keep(string? line)
    {
        if (line is not null)
            _output.Enqueue(line);
    }

    public int Id => _process.Id;

    /// <summary>Pids of the worker's child processes called <paramref name="name"/> (from /proc).</summary>
    public IReadOnlyList<int> Children(string name) =>
        Directory.EnumerateDirectories("/proc")
            .Select(dir => int.TryParse(Path.GetFileName(dir), out var pid) ? pid : -1)
            .Where(pid => pid > 0 && ParentOf(pid) == _process.Id && Comm(pid) == name)
            .ToList();

    /// <summary>The parent pid from /proc/PID/stat; -1 when the process is gone (or a zombie).</summary>
    public static int ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // the name in (…) may hold spaces
            return fields[0] == "Z" ? -1 : int.Parse(fields[1]);
        }
        catch (IOException)
        {
            return -1;
        }
    }

    private static string? Comm(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/comm").Trim(); }
        catch (IOException) { return null; }
    }

    /// <summary>SIGKILL to the worker alone, as kill -9 or the OOM killer would: its children are not signalled.</summary>
    public void KillAlone()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    /// <summary>SIGKILL with its ffmpeg children: no graceful hand-back of the job.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            Kill();
        _process.Dispose();
    }

    /// <summary>The API's own build output (it has the runtimeconfig the test folder's copy lacks).</summary>
    private static string ApiDll()
    {
        var testBin = AppContext.BaseDirectory; // …/tests/ResourceHub.Api.Tests/bin/{Configuration}/{tfm}/
        var tfm = new DirectoryInfo(testBin).Name;
        var configuration = new DirectoryInfo(testBin).Parent!.Name;
        var dll = Path.Combine(RepositoryRoot.Path, "src", "ResourceHub.Api", "bin", configuration, tfm, "ResourceHub.Api.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("build src/ResourceHub.Api first", dll);
    }
}
