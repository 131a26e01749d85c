using System.Diagnostics;
using ResourceHub.Media.Processes;

namespace ResourceHub.Media.Tests.Unit;

/// <summary>Runner behaviour against /bin/sh, so it is checked without ffmpeg.</summary>
public class ProcessRunnerTests
{
    private const string Shell = "/bin/sh";
    private readonly ProcessRunner _runner = new();

    [Fact]
    public async Task Arguments_reach_the_process_unsplit_and_unquoted()
    {
        var result = await _runner.RunAsync(Shell, ["-c", "printf '%s|' \"$@\"", "sh", "my lesson.mp4", "a\"b", "$HOME"], TimeSpan.FromSeconds(10));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("my lesson.mp4|a\"b|$HOME|", result.StdOut.TrimEnd());
    }

    [Fact]
    public async Task Exit_code_and_stderr_tail_are_kept()
    {
        var result = await _runner.RunAsync(Shell, ["-c", "i=1; while [ $i -le 100 ]; do echo err$i >&2; i=$((i+1)); done; exit 3"], TimeSpan.FromSeconds(10));

        Assert.Equal(3, result.ExitCode);
        Assert.False(result.Succeeded);
        var lines = result.StderrTail.Split('\n');
        Assert.Equal(30, lines.Length);
        Assert.Equal("err71", lines[0]);
        Assert.Equal("err100", lines[^1]);
        Assert.True(result.Elapsed > TimeSpan.Zero);
    }

    [Fact]
    public async Task Stdout_lines_are_streamed_when_a_callback_is_given()
    {
        var lines = new List<string>();
        var result = await _runner.RunAsync(Shell, ["-c", "echo a; echo b"], TimeSpan.FromSeconds(10), lines.Add);

        Assert.Equal(["a", "b"], lines);
        Assert.Equal("", result.StdOut);
    }

    [Fact]
    public async Task A_throwing_stdout_callback_does_not_stall_the_process()
    {
        // 200 kB of output would fill the pipe if reading stopped at the first line.
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _runner.RunAsync(
            Shell, ["-c", "i=0; while [ $i -lt 5000 ]; do echo 'progress line of about forty characters'; i=$((i+1)); done"],
            TimeSpan.FromSeconds(30), _ => throw new InvalidOperationException("consumer failed")));

        Assert.Equal("consumer failed", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Runs_below_normal_priority()
    {
        // Field 19 of /proc/<pid>/stat is the nice value; the sleep gives the runner time to lower it.
        var result = await _runner.RunAsync(Shell, ["-c", "sleep 0.5; cut -d' ' -f19 /proc/$$/stat"], TimeSpan.FromSeconds(10));
        Assert.True(int.Parse(result.StdOut.Trim()) > 0, $"nice was {result.StdOut.Trim()}");
    }

    [Fact]
    public async Task Timeout_kills_the_whole_process_tree()
    {
        var pidFile = Path.GetTempFileName();
        try
        {
            var clock = Stopwatch.StartNew();
            await Assert.ThrowsAsync<ToolTimeoutException>(() =>
                _runner.RunAsync(Shell, ["-c", $"sleep 60 & echo $! > '{pidFile}'; wait"], TimeSpan.FromMilliseconds(500)));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15));

            var childPid = int.Parse(File.ReadAllText(pidFile).Trim());
            Assert.True(await GoneAsync(childPid), "the grandchild sleep survived");
        }
        finally
        {
            File.Delete(pidFile);
        }
    }

    [Fact]
    public async Task Cancellation_kills_and_throws_operation_cancelled()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _runner.RunAsync(Shell, ["-c", "sleep 60"], TimeSpan.FromMinutes(5), cancellationToken: cancel.Token));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15));
    }

    // A killed child is gone or a zombie waiting for its (re)parent to reap it.
    private static async Task<bool> GoneAsync(int pid)
    {
        for (var i = 0; i < 50; i++)
        {
            var status = $"/proc/{pid}/status";
            if (!File.Exists(status))
                return true;
            try
            {
                if (File.ReadLines(status).Any(l => l.StartsWith("State:") && l.Contains('Z')))
                    return true;
            }
            catch (IOException)
            {
                return true;
            }
            await Task.Delay(100);
        }
        return false;
    }
}
