using System.Collections.Concurrent;
using System.Diagnostics;

namespace ResourceHub.Media.Processes;

/// <summary>
/// Starts tools so that they die with the service: on Linux through util-linux <c>setpriv --pdeathsig KILL</c>,
/// so a worker killed with SIGKILL does not leave ffmpeg encoding on as an orphan. Elsewhere (or without setpriv)
/// the tool starts directly and only a live service can kill it.
/// </summary>
public static class ChildProcessStarter
{
    /// <summary>setpriv's path on Linux, null where there is no death-signal launcher.</summary>
    public static string? Launcher { get; } = OperatingSystem.IsLinux() ? ToolLocator.Find(null, "setpriv") : null;

    // The kernel sends the death signal when the *thread* that forked the child ends, and pool threads retire
    // when idle: so every child is forked by one thread that lives as long as the process.
    private static readonly BlockingCollection<(Process Process, TaskCompletionSource Started)> Pending = new();

    static ChildProcessStarter()
    {
        new Thread(StartPending) { IsBackground = true, Name = "child-process-starter" }.Start();
    }

    /// <summary>Start info for <paramref name="fileName"/> with its arguments as a list (never one joined string).</summary>
    public static ProcessStartInfo StartInfo(string fileName, IReadOnlyList<string> arguments)
    {
        var startInfo = new ProcessStartInfo(Launcher ?? fileName);
        if (Launcher is not null)
        {
            foreach (var argument in (string[])["--pdeathsig", "KILL", "--", fileName])
                startInfo.ArgumentList.Add(argument);
        }
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        return startInfo;
    }

    /// <summary>Starts <paramref name="process"/> from the long-lived starter thread.</summary>
    public static Task StartAsync(Process process)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Pending.Add((process, started));
        return started.Task;
    }

    private static void StartPending()
    {
        foreach (var (process, started) in Pending.GetConsumingEnumerable())
        {
            try
            {
                process.Start();
                started.SetResult();
            }
            catch (Exception e)
            {
                started.SetException(e);
            }
        }
    }
}
