namespace ResourceHub.Media.Processes;

/// <summary>
/// Keeps only the last lines of a tool's stderr: ffmpeg can log megabytes on a long job,
/// but the reason for a failure is almost always in the final lines.
/// </summary>
public sealed class StderrTail
{
    private readonly Queue<string> _lines = new();
    private readonly int _maxLines;
    private readonly int _maxChars;
    private int _chars;

    public StderrTail(int maxLines = 30, int maxChars = 8 * 1024)
    {
        _maxLines = maxLines;
        _maxChars = maxChars;
    }

    public void Add(string line)
    {
        lock (_lines)
        {
            if (line.Length > _maxChars)
                line = line[^_maxChars..];
            _lines.Enqueue(line);
            _chars += line.Length + 1;
            // Joined text is _chars - 1 long (one '\n' fewer than lines); the newest line always stays.
            while (_lines.Count > _maxLines || (_chars - 1 > _maxChars && _lines.Count > 1))
                _chars -= _lines.Dequeue().Length + 1;
        }
    }

    public override string ToString()
    {
        lock (_lines)
            return string.Join('\n', _lines);
    }
}
