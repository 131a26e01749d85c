using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace ResourceHub.Media.Processes;

/// <summary>
/// Runs an external tool with an argument list (never one concatenated string, so file names
/// with spaces or quotes cannot change the command), a time limit and cancellation; the tool dies with the
/// service (see <see cref="ChildProcessStarter"/>).
/// </summary>
public sealed class ProcessRunner
{
    /// <param name="onStdoutLine">When given, stdout is streamed to it instead of being captured.</param>
    public async Task<ToolResult> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        TimeSpan timeout,
        Action<string>? onStdoutLine = null,
        CancellationToken cancellationToken = default)
    {
        var startInfo = ChildProcessStarter.StartInfo(fileName, arguments);
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        // Closed stdin: ffmpeg otherwise reads the terminal and may wait for a key press.
        startInfo.RedirectStandardInput = true;
        startInfo.UseShellExecute = false;
        startInfo.CreateNoWindow = true;
        startInfo.StandardOutputEncoding = Encoding.UTF8;
        startInfo.StandardErrorEncoding = Encoding.UTF8;

        cancellationToken.ThrowIfCancellationRequested(); // do not start what would be killed at once
        var tail = new StderrTail();
        var stdout = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        var stopwatch = Stopwatch.StartNew();
        await ChildProcessStarter.StartAsync(process).ConfigureAwait(false);
        process.StandardInput.Close();
        LowerPriority(process);

        var stderrTask = PumpAsync(process.StandardError, tail.Add);
        var stdoutTask = PumpAsync(process.StandardOutput, onStdoutLine ?? (line => stdout.AppendLine(line)));

        using var timeoutSource = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            await DrainAsync(stdoutTask, stderrTask).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            throw new ToolTimeoutException(fileName, timeout, tail.ToString());
        }

        await DrainAsync(stdoutTask, stderrTask).ConfigureAwait(false);
        await stdoutTask.ConfigureAwait(false); // surfaces a failed stdout callback
        return new ToolResult(process.ExitCode, stdout.ToString(), tail.ToString(), stopwatch.Elapsed);
    }

    // Encoding is a background job; the API and database on the same host must stay responsive.
    private static void LowerPriority(Process process)
    {
        try
        {
            process.PriorityClass = ProcessPriorityClass.BelowNormal;
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // The process may already have exited, or the platform refuses; priority is best effort.
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    // Keeps reading even if the callback throws: a reader that stops leaves ffmpeg blocked on a
    // full pipe until the timeout. The callback's first exception is rethrown once the pipe closes.
    private static async Task PumpAsync(StreamReader reader, Action<string> onLine)
    {
        Exception? failure = null;
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (failure is not null)
                continue;
            try
            {
                onLine(line);
            }
            catch (Exception e)
            {
                failure = e;
            }
        }
        if (failure is not null)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
    }

    private static async Task DrainAsync(Task stdoutTask, Task stderrTask)
    {
        // The pipes close when the process (tree) is gone; a grandchild holding them open must not hang us.
        try
        {
            await Task.WhenAll(stdoutTask, stderrTask).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Keep what was read so far.
        }
        catch (Exception) when (stdoutTask.IsFaulted)
        {
            // A failed stdout callback is reported by the caller after the exit code is known.
        }
    }
}
