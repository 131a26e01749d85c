using System.Diagnostics;
using ResourceHub.Media.Processes;
using ResourceHub.Media.Tests.Integration;

namespace ResourceHub.Media.Tests.Processes;

/// <summary>A tool started by our runner dies with the process that started it, even when that one is killed with SIGKILL.</summary>
public class DeathSignalTests
{
    [FfmpegFact]
    public async Task Ffmpeg_dies_when_the_process_that_runs_it_is_killed_with_sigkill()
    {
        Assert.True(OperatingSystem.IsLinux() && ChildProcessStarter.Launcher is not null, "setpriv (util-linux) is needed on Linux");
        var ffmpeg = ToolLocator.Find(null, "ffmpeg")!;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
        foreach (var argument in (string[])[typeof(ChildProgram).Assembly.Location, "run", ffmpeg, "-nostdin", "-re",
                     "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-t", "600", "-f", "null", "-"])
            start.ArgumentList.Add(argument);
        using var child = Process.Start(start)!;
        var pid = -1;
        try
        {
            var line = await child.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            pid = int.Parse(line!["tool-pid ".Length..]);
            Assert.True(pid > 0, "ffmpeg did not start");
            Assert.Equal(child.Id, ChildProgram.ParentOf(pid));

            child.Kill(entireProcessTree: false); // SIGKILL to the runner alone, as the OOM killer or kill -9 would
            await child.WaitForExitAsync();

            var deadline = DateTime.UtcNow.AddSeconds(5);
            while (ChildProgram.ParentOf(pid) != -1 && DateTime.UtcNow < deadline)
                await Task.Delay(50);
            Assert.Equal(-1, ChildProgram.ParentOf(pid)); // gone, not re-parented to init
        }
        finally
        {
            if (!child.HasExited)
                child.Kill(entireProcessTree: true);
            if (pid > 0 && ChildProgram.ParentOf(pid) != -1)
                Process.GetProcessById(pid).Kill(); // a failed run must not leave an encoder behind
        }
    }

    [Fact]
    public async Task A_tool_outlives_the_thread_that_asked_for_it()
    {
        // The death signal follows the forking thread: a pool thread retiring must not kill a long encode.
        Task<ToolResult>? run = null;
        var thread = new Thread(() => run = new ProcessRunner().RunAsync("/bin/sh", ["-c", "sleep 1; echo done"], TimeSpan.FromSeconds(30)));
        thread.Start();
        thread.Join();

        var result = await run!;

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("done", result.StdOut.Trim());
    }
}
