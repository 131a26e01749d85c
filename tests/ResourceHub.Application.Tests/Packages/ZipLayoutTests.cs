using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using ResourceHub.Application.Packages.Zip;

namespace ResourceHub.Application.Tests.Packages;

/// <summary>The precomputed ZIP layout: readable by System.IO.Compression, exact length, ZIP64 where sizes or offsets need it.</summary>
public sealed class ZipLayoutTests
{
    private static readonly DateTime When = new(2026, 9, 1, 2, 30, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_stored_archive_has_the_announced_length_and_opens_with_correct_bytes()
    {
        var entries = new[]
        {
            ZipEntrySource.FromBytes("第一单元/说明.txt", Encoding.UTF8.GetBytes("圆的面积"), When),
            ZipEntrySource.FromBytes("空.txt", [], When),
            ZipEntrySource.FromBytes("manifest.json", Encoding.UTF8.GetBytes("{}"), When),
        };
        var layout = new ZipLayout(entries);
        var output = new MemoryStream();
        await ZipStreamer.WriteAsync(layout, null!, output, 0, layout.Length - 1, CancellationToken.None);
        Assert.Equal(layout.Length, output.Length);

        using var archive = new ZipArchive(new MemoryStream(output.ToArray()));
        Assert.Equal(["第一单元/说明.txt", "空.txt", "manifest.json"], archive.Entries.Select(e => e.FullName).ToArray());
        using var reader = new StreamReader(archive.Entries[0].Open());
        Assert.Equal("圆的面积", await reader.ReadToEndAsync());
        Assert.Equal(new DateTime(2026, 9, 1, 10, 30, 0), archive.Entries[0].LastWriteTime.DateTime); // Beijing time
        Assert.All(archive.Entries, e => Assert.Equal(e.Length, e.CompressedLength)); // STORED
    }

    [Fact]
    public async Task Any_slice_of_the_archive_equals_the_same_bytes_of_the_whole()
    {
        var entries = Enumerable.Range(0, 5).Select(i => ZipEntrySource.FromBytes($"{i}.bin", Enumerable.Range(0, 1000 * i).Select(b => (byte)(b * 7 + i)).ToArray(), When)).ToList();
        var layout = new ZipLayout(entries);
        var whole = new MemoryStream();
        await ZipStreamer.WriteAsync(layout, null!, whole, 0, layout.Length - 1, CancellationToken.None);
        foreach (var (first, last) in new[] { (0L, 0L), (1L, 3000L), (29L, 31L), (layout.Length - 22, layout.Length - 1), (4000L, layout.Length - 1) })
        {
            var part = new MemoryStream();
            await ZipStreamer.WriteAsync(layout, null!, part, first, last, CancellationToken.None);
            Assert.Equal(whole.ToArray()[(int)first..(int)(last + 1)], part.ToArray());
        }
    }

    [Fact]
    public async Task A_file_over_4_GB_gets_zip64_sizes_and_the_entry_after_it_a_zip64_offset()
    {
        const long big = 5L << 30;
        var tail = ZipEntrySource.FromBytes("目录.html", Encoding.UTF8.GetBytes("<p>目录</p>"), When);
        var layout = new ZipLayout([ZipEntrySource.FromBlob("课堂实录.mp4", big, 0x12345678, When, "resources/x/original"), tail]);

        var bigLocal = layout.Segments[0].Bytes!;
        Assert.Equal(45, BinaryPrimitives.ReadUInt16LittleEndian(bigLocal.AsSpan(4)));
        Assert.Equal(0xFFFFFFFFu, BinaryPrimitives.ReadUInt32LittleEndian(bigLocal.AsSpan(18)));
        Assert.Equal(0xFFFFFFFFu, BinaryPrimitives.ReadUInt32LittleEndian(bigLocal.AsSpan(22)));
        var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(bigLocal.AsSpan(26));
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(bigLocal.AsSpan(30 + nameLength))); // ZIP64 extra field
        Assert.Equal((ulong)big, BinaryPrimitives.ReadUInt64LittleEndian(bigLocal.AsSpan(34 + nameLength)));

        // Everything after the big body is in memory: read it without the blob.
        var tailOffset = layout.Segments[2].Offset;
        var rest = new MemoryStream();
        await ZipStreamer.WriteAsync(layout, null!, rest, tailOffset, layout.Length - 1, CancellationToken.None);
        var bytes = rest.ToArray();
        Assert.Equal(layout.Length - tailOffset, bytes.Length);
        var end = bytes.AsSpan()[^22..];
        Assert.Equal(0x06054b50u, BinaryPrimitives.ReadUInt32LittleEndian(end));
        Assert.Equal(0xFFFFFFFFu, BinaryPrimitives.ReadUInt32LittleEndian(end[16..])); // central directory offset lives in ZIP64
        var locator = bytes.AsSpan()[^42..];
        Assert.Equal(0x07064b50u, BinaryPrimitives.ReadUInt32LittleEndian(locator));
        var record = (long)BinaryPrimitives.ReadUInt64LittleEndian(locator[8..]) - tailOffset;
        Assert.Equal(0x06064b50u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((int)record)));
        var centralOffset = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan((int)record + 48));
        var central = bytes.AsSpan((int)(centralOffset - tailOffset));

        var firstNameLength = BinaryPrimitives.ReadUInt16LittleEndian(central[28..]);
        var firstExtra = BinaryPrimitives.ReadUInt16LittleEndian(central[30..]);
        Assert.Equal(0x12345678u, BinaryPrimitives.ReadUInt32LittleEndian(central[16..]));
        var second = central[(46 + firstNameLength + firstExtra)..];
        Assert.Equal(0x02014b50u, BinaryPrimitives.ReadUInt32LittleEndian(second));
        Assert.Equal(0xFFFFFFFFu, BinaryPrimitives.ReadUInt32LittleEndian(second[42..]));
        var secondName = BinaryPrimitives.ReadUInt16LittleEndian(second[28..]);
        Assert.Equal("目录.html", Encoding.UTF8.GetString(second.Slice(46, secondName)));
        var extra = second[(46 + secondName)..];
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(extra));
        Assert.Equal((ulong)tailOffset, BinaryPrimitives.ReadUInt64LittleEndian(extra[4..]));
    }
}
