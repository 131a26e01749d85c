using System.Text;

namespace ResourceHub.Media.Text;

/// <summary>Collects a document's text up to a byte budget (UTF-8), so a huge file cannot bloat the database or the index.</summary>
public sealed class ExtractedText(int maxBytes = ExtractedText.DefaultMaxBytes)
{
    public const int DefaultMaxBytes = 200 * 1024;

    private readonly StringBuilder _text = new();
    private int _bytes;

    public bool IsFull => _bytes >= maxBytes;

    /// <summary>Adds one paragraph (blank ones are skipped); false once the budget is spent.</summary>
    public bool Add(string? paragraph)
    {
        if (IsFull)
            return false;
        var line = paragraph?.Trim();
        if (string.IsNullOrEmpty(line))
            return true;
        var bytes = Encoding.UTF8.GetByteCount(line) + 1;
        if (_bytes + bytes > maxBytes)
            line = Cut(line, maxBytes - _bytes - 1);
        _text.Append(line).Append('\n');
        _bytes += Encoding.UTF8.GetByteCount(line) + 1;
        if (_bytes + 1 >= maxBytes)
            _bytes = maxBytes;
        return !IsFull;
    }

    public override string ToString() => _text.ToString().TrimEnd('\n');

    private static string Cut(string line, int budget)
    {
        var length = 0;
        var used = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            if (used + rune.Utf8SequenceLength > budget)
                break;
            used += rune.Utf8SequenceLength;
            length += rune.Utf16SequenceLength;
        }
        return line[..length];
    }
}
