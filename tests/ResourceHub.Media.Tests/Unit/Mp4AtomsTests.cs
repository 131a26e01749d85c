using System.Buffers.Binary;
using System.Text;
using ResourceHub.Media.Verification;

namespace ResourceHub.Media.Tests.Unit;

public class Mp4AtomsTests
{
    private static byte[] Box(string type, int payload)
    {
        var box = new byte[8 + payload];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)box.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(box, 4);
        return box;
    }

    private static byte[] LargeBox(string type, int payload)
    {
        var box = new byte[16 + payload];
        BinaryPrimitives.WriteUInt32BigEndian(box, 1);
        Encoding.ASCII.GetBytes(type).CopyTo(box, 4);
        BinaryPrimitives.WriteUInt64BigEndian(box.AsSpan(8), (ulong)box.Length);
        return box;
    }

    private static IReadOnlyList<string> Types(params byte[][] boxes) =>
        Mp4Atoms.TopLevelTypes(new MemoryStream(boxes.SelectMany(b => b).ToArray()));

    [Fact]
    public void Faststart_layout()
    {
        var types = Types(Box("ftyp", 16), Box("moov", 100), Box("mdat", 1000));
        Assert.Equal(["ftyp", "moov", "mdat"], types);
        Assert.True(Mp4Atoms.IsFastStart(types));
    }

    [Fact]
    public void Moov_at_the_end_is_not_faststart()
    {
        var types = Types(Box("ftyp", 16), Box("free", 0), Box("mdat", 1000), Box("moov", 100));
        Assert.Equal(["ftyp", "free", "mdat", "moov"], types);
        Assert.False(Mp4Atoms.IsFastStart(types));
    }

    [Fact]
    public void Large_size_and_to_end_boxes_are_followed()
    {
        var toEnd = Box("mdat", 50);
        BinaryPrimitives.WriteUInt32BigEndian(toEnd, 0);
        Assert.Equal(["ftyp", "moov", "mdat"], Types(Box("ftyp", 8), LargeBox("moov", 40), toEnd));
    }

    [Fact]
    public void Truncated_file_lists_the_boxes_that_start_inside_it()
    {
        var data = Box("ftyp", 16).Concat(Box("mdat", 1000)).Take(200).ToArray();
        var types = Mp4Atoms.TopLevelTypes(new MemoryStream(data));
        Assert.Equal(["ftyp", "mdat"], types);
        Assert.False(Mp4Atoms.IsFastStart(types));
    }

    [Fact]
    public void Starts_like_mp4_only_with_ftyp_first()
    {
        var dir = Directory.CreateTempSubdirectory("atoms");
        try
        {
            var mp4 = Path.Combine(dir.FullName, "a.mp4");
            var text = Path.Combine(dir.FullName, "b.mp4");
            File.WriteAllBytes(mp4, Box("ftyp", 16));
            File.WriteAllText(text, "just some words in a file");
            Assert.True(Mp4Atoms.StartsLikeMp4(mp4));
            Assert.False(Mp4Atoms.StartsLikeMp4(text));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
