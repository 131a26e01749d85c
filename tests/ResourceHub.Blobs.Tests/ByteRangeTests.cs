namespace ResourceHub.Blobs.Tests;

public sealed class ByteRangeTests
{
    [Theory]
    [InlineData("bytes=0-499", 0L, 499L, null)]
    [InlineData("bytes=500-", 500L, null, null)]
    [InlineData("bytes=-500", null, null, 500L)]
    [InlineData("  Bytes = 10 - 20 ", 10L, 20L, null)]
    [InlineData("bytes=5-5", 5L, 5L, null)]
    [InlineData("bytes=0-99999999999999999999", 0L, long.MaxValue, null)]
    public void Parses_a_single_range(string header, long? first, long? last, long? suffix)
    {
        Assert.True(ByteRange.TryParse(header, out var range));
        Assert.Equal(first, range.First);
        Assert.Equal(last, range.Last);
        Assert.Equal(suffix, range.SuffixLength);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("bytes=")]
    [InlineData("bytes=-")]
    [InlineData("bytes=abc-")]
    [InlineData("bytes=5-1")]         // last before first: invalid, ignore
    [InlineData("bytes=0-1,5-6")]     // multiple ranges: not supported, serve the whole blob
    [InlineData("items=0-5")]         // other unit
    [InlineData("bytes 0-5")]
    [InlineData("bytes=+1-5")]
    [InlineData("bytes=1.5-")]
    public void Ignores_headers_that_are_not_one_valid_byte_range(string? header)
    {
        Assert.False(ByteRange.TryParse(header, out _));
    }

    [Theory]
    [InlineData("bytes=0-499", 1000, 0, 499)]
    [InlineData("bytes=0-0", 1000, 0, 0)]
    [InlineData("bytes=500-", 1000, 500, 999)]
    [InlineData("bytes=999-", 1000, 999, 999)]
    [InlineData("bytes=-500", 1000, 500, 999)]
    [InlineData("bytes=-1", 1000, 999, 999)]
    [InlineData("bytes=-5000", 1000, 0, 999)]    // suffix longer than the blob: all of it
    [InlineData("bytes=900-5000", 1000, 900, 999)] // last past the end: clamped
    public void Resolves_against_the_length(string header, long total, long first, long last)
    {
        Assert.True(ByteRange.TryParse(header, out var range));

        Assert.True(range.TryResolve(total, out var resolved));

        Assert.Equal(new ResolvedByteRange(first, last), resolved);
        Assert.Equal(last - first + 1, resolved.Length);
    }

    [Theory]
    [InlineData("bytes=1000-", 1000)]
    [InlineData("bytes=1000-2000", 1000)]
    [InlineData("bytes=-0", 1000)]
    [InlineData("bytes=0-", 0)]  // nothing can be served from an empty blob
    [InlineData("bytes=-10", 0)]
    public void Reports_unsatisfiable_ranges(string header, long total)
    {
        Assert.True(ByteRange.TryParse(header, out var range));

        Assert.False(range.TryResolve(total, out _));
    }

    [Fact]
    public void Formats_content_range_and_range_headers()
    {
        Assert.Equal("bytes 0-99/1000", new ResolvedByteRange(0, 99).ToContentRange(1000));
        Assert.Equal("bytes=0-99", ByteRange.FromTo(0, 99).ToString());
        Assert.Equal("bytes=100-", ByteRange.StartingAt(100).ToString());
        Assert.Equal("bytes=-500", ByteRange.Suffix(500).ToString());
    }

    [Fact]
    public void Factories_reject_impossible_ranges()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ByteRange.FromTo(5, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => ByteRange.FromTo(-1, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => ByteRange.StartingAt(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ByteRange.Suffix(-1));
    }
}
