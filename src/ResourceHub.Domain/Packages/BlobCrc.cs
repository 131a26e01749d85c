namespace ResourceHub.Domain.Packages;

/// <summary>
/// The CRC-32 of a stored blob, computed once on its first ZIP download and kept (blob keys name immutable
/// bytes: every upload gets a fresh key), so later downloads know every ZIP header before the first byte.
/// </summary>
public class BlobCrc
{
    public string BlobKey { get; set; } = "";
    public long Crc32 { get; set; }
}
