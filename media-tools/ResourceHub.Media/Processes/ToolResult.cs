namespace ResourceHub.Media.Processes;

/// <summary>Outcome of one external tool run. StdOut is empty when the caller streamed it line by line.</summary>
public sealed record ToolResult(int ExitCode, string StdOut, string StderrTail, TimeSpan Elapsed)
{
    public bool Succeeded => ExitCode == 0;
}
