using ResourceHub.Blobs;

namespace ResourceHub.Application.Packages.Zip;

/// <summary>
/// Writes bytes <c>first..last</c> of a <see cref="ZipLayout"/> to a stream: header bytes from memory, entry
/// bodies as byte ranges read from the blob store. Nothing is staged in a file and only one copy buffer is held.
/// </summary>
public static class ZipStreamer
{
    private const int BufferSize = 1024 * 1024;

    public static async Task WriteAsync(ZipLayout layout, IBlobStore blobs, Stream output, long first, long last, CancellationToken ct)
    {
        foreach (var segment in layout.Segments)
        {
            var segmentLast = segment.Offset + segment.Length - 1;
            if (segmentLast < first || segment.Offset > last || segment.Length == 0)
                continue;
            var from = Math.Max(first, segment.Offset) - segment.Offset;
            var to = Math.Min(last, segmentLast) - segment.Offset;
            var bytes = segment.Bytes ?? segment.Body!.Bytes;
            if (bytes is not null)
            {
                await output.WriteAsync(bytes.AsMemory((int)from, (int)(to - from + 1)), ct);
                continue;
            }
            var key = segment.Body!.BlobKey!;
            var blob = await blobs.OpenReadAsync(key, ByteRange.FromTo(from, to), ct)
                       ?? throw new InvalidOperationException($"blob {key} is missing");
            await using (blob)
            {
                if (blob.TotalLength != segment.Length)
                    throw new InvalidOperationException($"blob {key} changed length ({blob.TotalLength}, expected {segment.Length})");
                await blob.Content.CopyToAsync(output, BufferSize, ct);
            }
        }
    }
}
