namespace ResourceHub.Media.Processes;

/// <summary>The tool ran longer than its time limit and was killed (with its children).</summary>
public sealed class ToolTimeoutException(string tool, TimeSpan timeout, string stderrTail)
    : Exception($"{Path.GetFileName(tool)} did not finish within {timeout} and was killed.")
{
    public TimeSpan Timeout { get; } = timeout;
    public string StderrTail { get; } = stderrTail;
}
