using System.Buffers.Binary;

namespace ResourceHub.Media.Verification;

/// <summary>Reads the top-level box (atom) layout of an MP4 without parsing its contents.</summary>
public static class Mp4Atoms
{
    public static IReadOnlyList<string> TopLevelTypes(string path)
    {
        using var stream = File.OpenRead(path);
        return TopLevelTypes(stream);
    }

    public static IReadOnlyList<string> TopLevelTypes(Stream stream)
    {
        var types = new List<string>();
        var header = new byte[16];
        long position = 0;
        var length = stream.Length;
        while (position + 8 <= length)
        {
            stream.Position = position;
            stream.ReadExactly(header, 0, 8);
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var type = System.Text.Encoding.ASCII.GetString(header, 4, 4);
            if (size == 1)
            {
                // 64-bit "largesize" follows the type (mdat of long lessons exceeds 4 GB).
                if (position + 16 > length)
                    break;
                stream.ReadExactly(header, 8, 8);
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(8));
            }
            else if (size == 0)
            {
                size = length - position; // box runs to end of file
            }
            if (size < 8)
                break; // corrupt; report what we have
            types.Add(type);
            position += size;
        }
        return types;
    }

    /// <summary>
    /// True when the file starts like an ISO-BMFF file (ftyp first). Tells a cut-short upload apart
    /// from a non-video renamed .mp4, which ffmpeg reports with the same "moov atom not found".
    /// </summary>
    public static bool StartsLikeMp4(string path)
    {
        using var stream = File.OpenRead(path);
        var header = new byte[8];
        if (stream.Length < 8)
            return false;
        stream.ReadExactly(header);
        return System.Text.Encoding.ASCII.GetString(header, 4, 4) == "ftyp";
    }

    /// <summary>True when moov comes before mdat, so playback can start before the download finishes.</summary>
    public static bool IsFastStart(IReadOnlyList<string> topLevelTypes)
    {
        var moov = IndexOf(topLevelTypes, "moov");
        var mdat = IndexOf(topLevelTypes, "mdat");
        return moov >= 0 && mdat >= 0 && moov < mdat;
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
            if (list[i] == value)
                return i;
        return -1;
    }
}
