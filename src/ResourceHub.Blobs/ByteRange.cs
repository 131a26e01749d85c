using System.Globalization;

namespace ResourceHub.Blobs;

/// <summary>
/// One HTTP byte range as a client asks for it (RFC 9110 §14.1.2), before the blob length is known:
/// <c>bytes=100-199</c> (<see cref="FromTo"/>), <c>bytes=100-</c> (<see cref="StartingAt"/>)
/// or <c>bytes=-500</c>, the last 500 bytes (<see cref="Suffix"/>).
/// </summary>
public readonly record struct ByteRange
{
    private ByteRange(long? first, long? last, long? suffixLength)
    {
        First = first;
        Last = last;
        SuffixLength = suffixLength;
    }

    /// <summary>First byte position, or null for a suffix range.</summary>
    public long? First { get; }

    /// <summary>Last byte position (inclusive), or null when the range runs to the end.</summary>
    public long? Last { get; }

    /// <summary>Number of trailing bytes asked for by a suffix range, else null.</summary>
    public long? SuffixLength { get; }

    /// <summary>Bytes <paramref name="first"/> to <paramref name="last"/>, both inclusive.</summary>
    public static ByteRange FromTo(long first, long last)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfLessThan(last, first);
        return new ByteRange(first, last, null);
    }

    /// <summary>Bytes from <paramref name="first"/> to the end.</summary>
    public static ByteRange StartingAt(long first)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        return new ByteRange(first, null, null);
    }

    /// <summary>The last <paramref name="length"/> bytes.</summary>
    public static ByteRange Suffix(long length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return new ByteRange(null, null, length);
    }

    /// <summary>
    /// Applies the range to a blob of <paramref name="totalLength"/> bytes. False means "416 Range Not Satisfiable".
    /// A last position past the end is clamped, as HTTP requires.
    /// </summary>
    public bool TryResolve(long totalLength, out ResolvedByteRange resolved)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(totalLength);
        resolved = default;
        if (totalLength == 0)
            return false;

        if (SuffixLength is { } suffix)
        {
            if (suffix == 0)
                return false;
            resolved = new ResolvedByteRange(Math.Max(0, totalLength - suffix), totalLength - 1);
            return true;
        }

        var first = First ?? 0;
        if (first >= totalLength)
            return false;
        resolved = new ResolvedByteRange(first, Math.Min(Last ?? long.MaxValue, totalLength - 1));
        return true;
    }

    /// <summary>
    /// Parses a <c>Range</c> header value holding one byte range. False means the header should be ignored and
    /// the whole blob served (HTTP allows that for invalid syntax, other units and multiple ranges).
    /// </summary>
    public static bool TryParse(string? headerValue, out ByteRange range)
    {
        range = default;
        if (string.IsNullOrWhiteSpace(headerValue))
            return false;

        var value = headerValue.AsSpan().Trim();
        var equals = value.IndexOf('=');
        if (equals < 0 || !value[..equals].Trim().Equals("bytes", StringComparison.OrdinalIgnoreCase))
            return false;

        var spec = value[(equals + 1)..].Trim();
        if (spec.Contains(','))
            return false;
        var dash = spec.IndexOf('-');
        if (dash < 0)
            return false;

        var firstText = spec[..dash].Trim();
        var lastText = spec[(dash + 1)..].Trim();
        if (firstText.IsEmpty)
        {
            if (!TryParsePosition(lastText, out var suffix))
                return false;
            range = Suffix(suffix);
            return true;
        }

        if (!TryParsePosition(firstText, out var first))
            return false;
        if (lastText.IsEmpty)
        {
            range = StartingAt(first);
            return true;
        }
        if (!TryParsePosition(lastText, out var last) || last < first)
            return false;
        range = FromTo(first, last);
        return true;
    }

    /// <summary>The range in HTTP header form, e.g. <c>bytes=0-99</c>.</summary>
    public override string ToString() => SuffixLength is { } suffix
        ? $"bytes=-{suffix}"
        : $"bytes={First ?? 0}-{Last}";

    private static bool TryParsePosition(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        if (text.IsEmpty)
            return false;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }
        // Positions beyond long.MaxValue are still valid syntax; they only matter as "past the end".
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
            value = long.MaxValue;
        return true;
    }
}

/// <summary>A byte range applied to a known blob length: <see cref="First"/> to <see cref="Last"/>, inclusive.</summary>
public readonly record struct ResolvedByteRange(long First, long Last)
{
    public long Length => Last - First + 1;

    /// <summary>The <c>Content-Range</c> header value for a 206 response, e.g. <c>bytes 0-99/1000</c>.</summary>
    public string ToContentRange(long totalLength) => $"bytes {First}-{Last}/{totalLength}";
}
