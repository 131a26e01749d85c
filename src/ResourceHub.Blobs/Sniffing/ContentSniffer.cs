using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace ResourceHub.Blobs.Sniffing;

/// <summary>Detects a file's type from its first bytes and checks it against the declared Content-Type.</summary>
public static class ContentSniffer
{
    /// <summary>How many leading bytes are inspected.</summary>
    public const int HeadLength = 4096;

    private static ReadOnlySpan<byte> PngMagic => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> EbmlMagic => [0x1A, 0x45, 0xDF, 0xA3];
    private static ReadOnlySpan<byte> Ole2Magic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static ReadOnlySpan<byte> FlvMagic => [(byte)'F', (byte)'L', (byte)'V', 0x01];

    /// <summary>
    /// The media type (one of <see cref="MediaTypes"/>) that the leading bytes show, or null when unrecognised
    /// (including empty content). Pass up to <see cref="HeadLength"/> bytes.
    /// </summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
            return null;

        // Unambiguous magic numbers first.
        if (head.StartsWith("%PDF-"u8)) return MediaTypes.Pdf;
        if (head.StartsWith(PngMagic)) return MediaTypes.Png;
        if (head.StartsWith(JpegMagic)) return MediaTypes.Jpeg;
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8)) return MediaTypes.Gif;
        if (head.StartsWith(EbmlMagic)) return head.IndexOf("webm"u8) >= 0 ? MediaTypes.WebM : MediaTypes.Matroska;
        if (head.StartsWith(FlvMagic)) return MediaTypes.Flv;
        if (head.StartsWith(Ole2Magic)) return MediaTypes.Ole2;
        if (IsZip(head)) return MediaTypes.Zip;
        if (head.StartsWith("ID3"u8)) return MediaTypes.Mp3;
        if (SniffRiff(head) is { } riff) return riff;
        if (SniffIsoMedia(head) is { } iso) return iso;

        // Text before the weak signatures below: their sync bytes are not valid UTF-8 text, but text
        // can start with 'G' (the MPEG-TS sync byte).
        if (IsText(head)) return MediaTypes.Text;
        if (SniffMpegAudioFrame(head) is { } audio) return audio;
        if (IsMpegTs(head)) return MediaTypes.MpegTs;
        return null;
    }

    /// <summary>
    /// Reads up to <see cref="HeadLength"/> bytes of <paramref name="content"/> (which may be non-seekable, such as a
    /// request body), sniffs them and returns a stream that yields those same bytes followed by the rest.
    /// Continue with the returned stream, not <paramref name="content"/>; disposing it disposes <paramref name="content"/>.
    /// </summary>
    public static async Task<SniffedContent> SniffAsync(Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var head = new byte[HeadLength];
        var count = 0;
        while (count < head.Length)
        {
            var read = await content.ReadAsync(head.AsMemory(count), ct).ConfigureAwait(false);
            if (read == 0)
                break;
            count += read;
        }
        var span = head.AsSpan(0, count);
        return new SniffedContent(Sniff(span), new PrefixedStream(head, count, content), IsPdfZipPolyglot(span));
    }

    /// <summary>
    /// A file that is both a PDF and a ZIP (a viewer shows the PDF, an unzip tool finds other content, e.g. a
    /// script): a ZIP record inside a PDF's head, or a PDF header within the first 1024 bytes of a ZIP (where
    /// PDF readers still accept it). Only the head is looked at, so a ZIP appended at the end goes unnoticed.
    /// </summary>
    public static bool IsPdfZipPolyglot(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
            return head.IndexOf("PK\u0003\u0004"u8) >= 0 || head.IndexOf("PK\u0005\u0006"u8) >= 0;
        return IsZip(head) && head[..Math.Min(head.Length, 1024)].IndexOf("%PDF-"u8) >= 0;
    }

    /// <summary>
    /// Whether a declared Content-Type is plausible for content sniffed as <paramref name="sniffedType"/>.
    /// A generic declaration (empty, application/octet-stream) accepts anything; a type this class cannot judge is
    /// accepted; otherwise both must belong to the same family (e.g. a docx declaration with zip bytes is fine,
    /// video/mp4 with PDF bytes is not). Textual declarations also accept unrecognised bytes, since text may be in
    /// a legacy encoding such as GBK or UTF-16 that the UTF-8 check does not recognise.
    /// </summary>
    public static bool IsCompatible(string? declaredContentType, string? sniffedType)
    {
        var declared = MediaTypeFamilies.Normalize(declaredContentType);
        if (declared.Length == 0 || MediaTypeFamilies.IsGeneric(declared))
            return true;
        var declaredFamily = MediaTypeFamilies.Of(declared);
        if (declaredFamily is null)
            return true;
        if (sniffedType is null)
            return declaredFamily == MediaTypeFamily.Text;
        return declaredFamily == MediaTypeFamilies.Of(MediaTypeFamilies.Normalize(sniffedType));
    }

    private static bool IsZip(ReadOnlySpan<byte> head) =>
        head.Length >= 4 && head[0] == 'P' && head[1] == 'K'
        && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6) || (head[2] == 7 && head[3] == 8));

    private static string? SniffRiff(ReadOnlySpan<byte> head)
    {
        if (head.Length < 12 || !head.StartsWith("RIFF"u8))
            return null;
        var form = head.Slice(8, 4);
        if (form.SequenceEqual("AVI "u8)) return MediaTypes.Avi;
        if (form.SequenceEqual("WAVE"u8)) return MediaTypes.Wav;
        if (form.SequenceEqual("WEBP"u8)) return MediaTypes.WebP;
        return null;
    }

    /// <summary>ISO base media (mp4, mov, m4a, 3gp, heic, avif): a box type at offset 4, usually 'ftyp'.</summary>
    private static string? SniffIsoMedia(ReadOnlySpan<byte> head)
    {
        if (head.Length < 8)
            return null;
        var box = head.Slice(4, 4);
        if (box.SequenceEqual("ftyp"u8))
        {
            if (head.Length < 12)
                return MediaTypes.Mp4;
            var brand = Encoding.ASCII.GetString(head.Slice(8, 4));
            return brand switch
            {
                "qt  " => MediaTypes.QuickTime,
                "M4A " or "M4B " or "M4P " => MediaTypes.Mp4Audio,
                "heic" or "heix" or "heim" or "heis" or "hevc" or "mif1" or "msf1" => MediaTypes.Heic,
                "avif" or "avis" => MediaTypes.Avif,
                _ when brand.StartsWith("3g", StringComparison.Ordinal) => MediaTypes.ThreeGpp,
                _ => MediaTypes.Mp4,
            };
        }
        // Old QuickTime files may start with another top-level atom.
        return box.SequenceEqual("moov"u8) || box.SequenceEqual("mdat"u8) || box.SequenceEqual("wide"u8)
               || box.SequenceEqual("free"u8) || box.SequenceEqual("skip"u8) || box.SequenceEqual("pnot"u8)
            ? MediaTypes.QuickTime
            : null;
    }

    /// <summary>An MPEG audio frame header (mp3 without ID3 tag) or an ADTS header (raw AAC).</summary>
    private static string? SniffMpegAudioFrame(ReadOnlySpan<byte> head)
    {
        if (head.Length < 3 || head[0] != 0xFF || (head[1] & 0xE0) != 0xE0)
            return null;
        var layer = (head[1] >> 1) & 3;
        if (layer == 0)
            return (head[1] & 0xF6) == 0xF0 ? MediaTypes.Aac : null;
        var version = (head[1] >> 3) & 3;
        var bitrate = head[2] >> 4;
        var sampleRate = (head[2] >> 2) & 3;
        return version != 1 && bitrate != 0xF && sampleRate != 3 ? MediaTypes.Mp3 : null;
    }

    /// <summary>MPEG transport stream (HLS segments): sync byte 0x47 every 188 bytes.</summary>
    private static bool IsMpegTs(ReadOnlySpan<byte> head)
    {
        const int packet = 188;
        if (head.Length <= packet)
            return false;
        for (var i = 0; i < head.Length; i += packet)
        {
            if (head[i] != 0x47)
                return false;
        }
        return true;
    }

    /// <summary>Valid UTF-8 (a sequence cut off at the end of the head is fine) with no binary control characters.</summary>
    private static bool IsText(ReadOnlySpan<byte> head)
    {
        foreach (var b in head)
        {
            // NUL and other C0 controls do not occur in text, except tab, line breaks, form feed and escape.
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C or 0x1B))
                return false;
        }
        var chars = ArrayPool<char>.Shared.Rent(head.Length);
        try
        {
            var status = Utf8.ToUtf16(head, chars, out _, out _, replaceInvalidSequences: false, isFinalBlock: false);
            return status is System.Buffers.OperationStatus.Done or System.Buffers.OperationStatus.NeedMoreData;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}

/// <summary>Result of <see cref="ContentSniffer.SniffAsync"/>: the sniffed type and the content to continue with.</summary>
/// <param name="IsPolyglot">The head is both a PDF and a ZIP (<see cref="ContentSniffer.IsPdfZipPolyglot"/>).</param>
public sealed record SniffedContent(string? MediaType, Stream Content, bool IsPolyglot = false);
