using System.Text;

namespace ResourceHub.Blobs.Local;

/// <summary>
/// Fixed-size header at the start of every local blob file, holding the content type. Keeping the content type
/// inside the data file (instead of a sidecar) means one atomic rename replaces bytes and type together, so a
/// reader never sees new bytes with an old type. The fixed size lets a listing compute lengths without reading.
/// </summary>
internal static class BlobFileHeader
{
    public const int Size = 256;

    private static ReadOnlySpan<byte> Magic => "RHB1"u8;

    public static byte[] Create(string contentType)
    {
        var header = new byte[Size];
        Magic.CopyTo(header);
        var typeBytes = Encoding.ASCII.GetBytes(contentType);
        if (typeBytes.Length > Size - Magic.Length - 1)
            throw new ArgumentException("The content type does not fit into the blob file header.", nameof(contentType));
        header[Magic.Length] = (byte)typeBytes.Length;
        typeBytes.CopyTo(header, Magic.Length + 1);
        return header;
    }

    public static async Task<string> ReadContentTypeAsync(FileStream file, CancellationToken ct)
    {
        var header = new byte[Size];
        file.Position = 0;
        await file.ReadExactlyAsync(header, ct).ConfigureAwait(false);
        if (!header.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new InvalidDataException($"'{file.Name}' is not a ResourceHub blob file.");
        var length = header[Magic.Length];
        return Encoding.ASCII.GetString(header, Magic.Length + 1, length);
    }
}
