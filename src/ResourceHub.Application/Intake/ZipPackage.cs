using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using ResourceHub.Blobs;

namespace ResourceHub.Application.Intake;

/// <summary>
/// A ZIP delivered by a vendor, checked before any entry is read: the entry count from the end record
/// (so a million-entry archive is refused without listing it), paths that would leave the package
/// (../, absolute, drive letters), the unpacked total, and entries that unpack far larger than they
/// are packed. Reading an entry stops at its declared size, so a lying header cannot inflate past it.
/// Names are UTF-8 when the entry says so (flag bit 11); otherwise UTF-8 if they decode as such, else
/// GB18030 — what Windows' built-in compressor and older Chinese tools write.
/// </summary>
public sealed class ZipPackage : IImportPackage
{
    private const long BombFloor = 1024 * 1024;
    private readonly ZipArchive _archive;
    private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.Ordinal);

    public ZipPackage(string zipPath, ImportOptions options)
    {
        var file = File.OpenRead(zipPath);
        try
        {
            var declared = DeclaredEntries(file);
            if (declared > options.MaxEntries)
                throw Refuse($"压缩包有 {declared} 个文件，超过上限 {options.MaxEntries}，请分批导入 (too many entries)");
            file.Position = 0;
            _archive = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: new ChineseZipNames());
        }
        catch (InvalidDataException e)
        {
            file.Dispose();
            throw Refuse($"不是有效的 ZIP 压缩包 (not a readable ZIP archive: {e.Message})");
        }
        catch
        {
            file.Dispose();
            throw;
        }
        try
        {
            Check(options);
        }
        catch
        {
            _archive.Dispose();
            throw;
        }
    }

    public IReadOnlyCollection<string> Files => _entries.Keys;

    public Stream Open(string path)
    {
        var entry = _entries[path];
        return new LimitedReadStream(entry.Open(), entry.Length, ownsInner: true, tooLarge: () =>
            Refuse("压缩包中的文件比它声明的更大，疑似压缩炸弹 (an entry unpacks past its declared size)"));
    }

    public void Dispose() => _archive.Dispose();

    private void Check(ImportOptions options)
    {
        long unpacked = 0;
        foreach (var entry in _archive.Entries)
        {
            if (entry.FullName.EndsWith('/') && entry.Length == 0)
                continue; // a folder
            var path = PackagePaths.Normalize(entry.FullName)
                ?? throw Refuse($"压缩包中的路径“{entry.FullName}”不安全（不能含 ../ 或绝对路径），整个压缩包不予导入 (unsafe path in the archive)");
            if (entry.Length > BombFloor && entry.Length / Math.Max(1, entry.CompressedLength) > options.MaxRatio)
                throw Refuse($"压缩包中的“{path}”解压后是压缩前的 {entry.Length / Math.Max(1, entry.CompressedLength)} 倍，疑似压缩炸弹，不予导入 (suspected ZIP bomb)");
            unpacked += entry.Length;
            if (unpacked > options.MaxUnpackedBytes)
                throw Refuse($"压缩包解压后超过 {options.MaxUnpackedBytes / (1024 * 1024)} MB，不予导入 (unpacked size over the limit)");
            if (PackagePaths.IsLitter(path))
                continue;
            if (!_entries.TryAdd(path, entry))
                throw Refuse($"压缩包中有两个同名文件“{path}” (duplicate entry)");
        }
    }

    /// <summary>The entry count the end-of-central-directory record (or its ZIP64 twin) declares; 0 when there is none.</summary>
    private static long DeclaredEntries(FileStream file)
    {
        var tailLength = (int)Math.Min(file.Length, 22 + ushort.MaxValue + 20);
        var tail = new byte[tailLength];
        file.Position = file.Length - tailLength;
        file.ReadExactly(tail);
        for (var i = tailLength - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) != 0x06054b50)
                continue;
            long count = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(i + 10));
            if (count == ushort.MaxValue && i >= 20 && BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i - 20)) == 0x07064b50)
            {
                var zip64At = (long)BinaryPrimitives.ReadUInt64LittleEndian(tail.AsSpan(i - 12));
                var record = new byte[40];
                file.Position = zip64At;
                file.ReadExactly(record);
                if (BinaryPrimitives.ReadUInt32LittleEndian(record) == 0x06064b50)
                    count = (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(32)), long.MaxValue);
            }
            return count;
        }
        return 0;
    }

    private static AppError Refuse(string message) => AppError.BadRequest(message, "package");

    /// <summary>Decodes names without the UTF-8 flag: UTF-8 when valid, else GB18030. Never used to write.</summary>
    private sealed class ChineseZipNames : Encoding
    {
        private static Encoding For(byte[] bytes, int index, int count) =>
            TextEncodings.IsUtf8(bytes.AsSpan(index, count)) ? UTF8 : TextEncodings.Gb18030;

        public override int GetCharCount(byte[] bytes, int index, int count) => For(bytes, index, count).GetCharCount(bytes, index, count);

        public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
            For(bytes, byteIndex, byteCount).GetChars(bytes, byteIndex, byteCount, chars, charIndex);

        public override int GetByteCount(char[] chars, int index, int count) => UTF8.GetByteCount(chars, index, count);

        public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) =>
            UTF8.GetBytes(chars, charIndex, charCount, bytes, byteIndex);

        public override int GetMaxByteCount(int charCount) => UTF8.GetMaxByteCount(charCount);
        public override int GetMaxCharCount(int byteCount) => byteCount;
    }
}
