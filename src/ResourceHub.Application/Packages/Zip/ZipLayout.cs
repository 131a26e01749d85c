using System.Buffers.Binary;
using System.Text;

namespace ResourceHub.Application.Packages.Zip;

/// <summary>
/// The byte layout of a ZIP with STORED (uncompressed) entries, computed before any byte is sent: the
/// archive is a list of segments (headers in memory, file bodies read from their source), so its total
/// length and every offset are known, which gives Content-Length and Range. Names are UTF-8 with general
/// purpose bit 11 set; ZIP64 records are written only where a size, offset or count needs them.
/// </summary>
public sealed class ZipLayout
{
    private const uint Max32 = 0xFFFFFFFF;
    private const ushort Utf8Flag = 0x0800;
    private const ushort Version20 = 20, Version45 = 45;

    /// <summary>A run of the archive: either literal header bytes or a whole entry body.</summary>
    public sealed record Segment(long Offset, long Length, byte[]? Bytes, ZipEntrySource? Body);

    public IReadOnlyList<Segment> Segments { get; }
    public long Length { get; }

    public ZipLayout(IReadOnlyList<ZipEntrySource> entries)
    {
        var segments = new List<Segment>();
        var central = new MemoryStream();
        long offset = 0;
        foreach (var entry in entries)
        {
            var name = Encoding.UTF8.GetBytes(entry.Path);
            var local = LocalHeader(entry, name);
            segments.Add(new Segment(offset, local.Length, local, null));
            segments.Add(new Segment(offset + local.Length, entry.Length, null, entry));
            central.Write(CentralHeader(entry, name, offset));
            offset += local.Length + entry.Length;
        }
        var centralBytes = central.ToArray();
        var end = EndRecords(entries.Count, offset, centralBytes.Length);
        segments.Add(new Segment(offset, centralBytes.Length, centralBytes, null));
        segments.Add(new Segment(offset + centralBytes.Length, end.Length, end, null));
        Segments = segments.Where(s => s.Length > 0 || s.Body is not null).ToList();
        Length = offset + centralBytes.Length + end.Length;
    }

    private static byte[] LocalHeader(ZipEntrySource entry, byte[] name)
    {
        var zip64 = entry.Length >= Max32;
        var w = new ByteWriter();
        w.U32(0x04034b50).U16(zip64 ? Version45 : Version20).U16(Utf8Flag).U16(0);
        DosTime(w, entry.Modified);
        w.U32(entry.Crc32).U32(zip64 ? Max32 : (uint)entry.Length).U32(zip64 ? Max32 : (uint)entry.Length);
        w.U16((ushort)name.Length).U16((ushort)(zip64 ? 20 : 0)).Bytes(name);
        if (zip64)
            w.U16(0x0001).U16(16).U64((ulong)entry.Length).U64((ulong)entry.Length);
        return w.ToArray();
    }

    private static byte[] CentralHeader(ZipEntrySource entry, byte[] name, long localOffset)
    {
        var bigSize = entry.Length >= Max32;
        var bigOffset = localOffset >= Max32;
        var extra = new ByteWriter();
        if (bigSize)
            extra.U64((ulong)entry.Length).U64((ulong)entry.Length);
        if (bigOffset)
            extra.U64((ulong)localOffset);
        var extraBytes = extra.ToArray();
        var needed = bigSize || bigOffset ? Version45 : Version20;
        var w = new ByteWriter();
        w.U32(0x02014b50).U16(Version45).U16(needed).U16(Utf8Flag).U16(0);
        DosTime(w, entry.Modified);
        w.U32(entry.Crc32).U32(bigSize ? Max32 : (uint)entry.Length).U32(bigSize ? Max32 : (uint)entry.Length);
        w.U16((ushort)name.Length).U16((ushort)(extraBytes.Length == 0 ? 0 : extraBytes.Length + 4)).U16(0).U16(0).U16(0).U32(0);
        w.U32(bigOffset ? Max32 : (uint)localOffset).Bytes(name);
        if (extraBytes.Length > 0)
            w.U16(0x0001).U16((ushort)extraBytes.Length).Bytes(extraBytes);
        return w.ToArray();
    }

    private static byte[] EndRecords(int count, long centralOffset, long centralLength)
    {
        var w = new ByteWriter();
        var zip64 = count >= 0xFFFF || centralOffset >= Max32 || centralLength >= Max32;
        if (zip64)
        {
            var recordOffset = centralOffset + centralLength;
            w.U32(0x06064b50).U64(44).U16(Version45).U16(Version45).U32(0).U32(0)
                .U64((ulong)count).U64((ulong)count).U64((ulong)centralLength).U64((ulong)centralOffset);
            w.U32(0x07064b50).U32(0).U64((ulong)recordOffset).U32(1);
        }
        var entries = (ushort)Math.Min(count, 0xFFFF);
        w.U32(0x06054b50).U16(0).U16(0).U16(entries).U16(entries)
            .U32(centralLength >= Max32 ? Max32 : (uint)centralLength)
            .U32(centralOffset >= Max32 ? Max32 : (uint)centralOffset).U16(0);
        return w.ToArray();
    }

    /// <summary>MS-DOS date and time (local clock of the archive; we write Beijing time, as teachers read it).</summary>
    private static void DosTime(ByteWriter w, DateTime utc)
    {
        var t = utc.AddHours(8);
        if (t.Year < 1980)
            t = new DateTime(1980, 1, 1);
        w.U16((ushort)((t.Hour << 11) | (t.Minute << 5) | (t.Second / 2)));
        w.U16((ushort)(((t.Year - 1980) << 9) | (t.Month << 5) | t.Day));
    }

    private sealed class ByteWriter
    {
        private readonly MemoryStream _stream = new();
        private readonly byte[] _buffer = new byte[8];

        public ByteWriter U16(ushort v) { BinaryPrimitives.WriteUInt16LittleEndian(_buffer, v); _stream.Write(_buffer, 0, 2); return this; }
        public ByteWriter U32(uint v) { BinaryPrimitives.WriteUInt32LittleEndian(_buffer, v); _stream.Write(_buffer, 0, 4); return this; }
        public ByteWriter U64(ulong v) { BinaryPrimitives.WriteUInt64LittleEndian(_buffer, v); _stream.Write(_buffer, 0, 8); return this; }
        public ByteWriter Bytes(byte[] b) { _stream.Write(b); return this; }
        public byte[] ToArray() => _stream.ToArray();
    }
}
