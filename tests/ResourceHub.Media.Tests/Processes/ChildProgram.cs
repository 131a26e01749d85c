using ResourceHub.Media.Processes;

namespace ResourceHub.Media.Tests.Processes;

/// <summary>
/// The test assembly's own entry point (the test host never calls it): `dotnet ResourceHub.Media.Tests.dll run TOOL ARGS…`
/// runs TOOL through <see cref="ProcessRunner"/> and prints its pid, so a test can kill -9 this process mid-run.
/// </summary>
public static class ChildProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is not ["run", var tool, .. var arguments])
            return 2;
        var runner = new ProcessRunner();
        var run = runner.RunAsync(tool, arguments, TimeSpan.FromMinutes(5));
        var pid = await ToolPidAsync(tool);
        Console.WriteLine($"tool-pid {pid}");
        return (await run).ExitCode;
    }

    // The tool is this process's only child; it may take a moment to appear.
    private static async Task<int> ToolPidAsync(string tool)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(dir), out var pid) && ParentOf(pid) == Environment.ProcessId
                    && File.ReadAllText(Path.Combine(dir, "comm")).Trim() == Path.GetFileName(tool))
                    return pid;
            }
            await Task.Delay(50);
        }
        return -1;
    }

    /// <summary>The parent pid from /proc/PID/stat, or -1 when the process is gone.</summary>
    public static int ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // "pid (comm) state ppid …": comm may hold spaces, so read after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[0] == "Z" ? -1 : int.Parse(fields[1]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return -1;
        }
    }
}
