namespace ResourceHub.Testing;

/// <summary>Small deterministic files for upload tests.</summary>
public static class TestFiles
{
    /// <summary>Random bytes behind a PDF signature, so the sniffer accepts them as application/pdf.</summary>
    public static byte[] Pdf(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        "%PDF-1.4\n"u8.CopyTo(bytes);
        return bytes;
    }
}
