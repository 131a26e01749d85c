namespace ResourceHub.Application.Packages.Zip;

/// <summary>
/// One file of a streamed ZIP: its path inside the archive, its exact length and CRC-32 (known before
/// streaming starts, so every offset is known), and where its bytes come from: a blob or a small
/// generated text kept in memory.
/// </summary>
public sealed record ZipEntrySource(string Path, long Length, uint Crc32, DateTime Modified, string? BlobKey, byte[]? Bytes)
{
    public static ZipEntrySource FromBlob(string path, long length, uint crc32, DateTime modified, string blobKey) =>
        new(path, length, crc32, modified, blobKey, null);

    public static ZipEntrySource FromBytes(string path, byte[] bytes, DateTime modified) =>
        new(path, bytes.Length, System.IO.Hashing.Crc32.HashToUInt32(bytes), modified, null, bytes);
}
