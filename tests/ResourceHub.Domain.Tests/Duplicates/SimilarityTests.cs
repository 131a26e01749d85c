using ResourceHub.Domain.Duplicates;

namespace ResourceHub.Domain.Tests.Duplicates;

public class SimilarityTests
{
    /// <summary>A "video": per-second hashes that change over time like footage does.</summary>
    private static ulong[] Footage(int seconds, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, seconds).Select(_ => (ulong)random.NextInt64() | 1).ToArray();
    }

    /// <summary>The same footage re-encoded: a few bits of each hash flipped.</summary>
    private static ulong[] Reencoded(ulong[] hashes, int bits, int seed)
    {
        var random = new Random(seed);
        return hashes.Select(h =>
        {
            for (var i = 0; i < bits; i++)
                h ^= 1UL << random.Next(64);
            return h == 0 ? 1 : h;
        }).ToArray();
    }

    [Fact]
    public void A_reencoded_copy_with_its_head_cut_lines_up_at_the_cut()
    {
        var original = Footage(60, seed: 1);
        var copy = Reencoded(original[5..], bits: 4, seed: 2);
        var best = VideoAlignment.Best(original, copy);
        Assert.NotNull(best);
        Assert.Equal(5, best.Value.Offset);
        Assert.Equal(55, best.Value.Overlap);
        Assert.True(VideoAlignment.Score(original, copy) > 0.8);
        // The other way round the offset is negative; the score is the same.
        Assert.Equal(-5, VideoAlignment.Best(copy, original)!.Value.Offset);
    }

    [Fact]
    public void Different_footage_is_no_match_and_flat_frames_do_not_count()
    {
        Assert.Null(VideoAlignment.Score(Footage(60, 1), Footage(60, 3)));
        var black = new ulong[60];
        Assert.Null(VideoAlignment.Score(black, black)); // nothing informative to compare
        // A short clip cannot match by overlapping a few seconds of a long one.
        var longer = Footage(120, 4);
        Assert.Null(VideoAlignment.Best(longer, longer[..3]));
    }

    [Fact]
    public void Minhash_estimates_jaccard_and_similar_sets_share_a_band()
    {
        var text = TextShingles.Normalise(string.Concat(Enumerable.Range(0, 40).Select(i => $"第{i}段：用割补法推导圆的面积公式，体会转化思想。")));
        var edited = TextShingles.Normalise(text.Replace("第3段", "第三段").Replace("体会", "感受"));
        var other = TextShingles.Normalise(string.Concat(Enumerable.Range(0, 40).Select(i => $"第{i}节：光合作用的光反应和暗反应，叶绿体的结构。")));
        var (a, b, c) = (TextShingles.Of(text, 4), TextShingles.Of(edited, 4), TextShingles.Of(other, 4));
        var (sa, sb, sc) = (MinHash.Signature(a), MinHash.Signature(b), MinHash.Signature(c));
        Assert.InRange(MinHash.Similarity(sa, sb), TextShingles.Jaccard(a, b) - 0.2, TextShingles.Jaccard(a, b) + 0.2);
        Assert.True(MinHash.Similarity(sa, sb) > 0.5);
        Assert.True(MinHash.Similarity(sa, sc) < 0.2);
        Assert.NotEmpty(MinHash.Bands(sa, 4).Intersect(MinHash.Bands(sb, 4)));
        Assert.Empty(MinHash.Bands(sa, 4).Intersect(MinHash.Bands(sc, 4)));
    }

    [Fact]
    public void Titles_are_compared_without_width_case_spaces_or_punctuation()
    {
        Assert.Equal("勾股定理第1课时微课", TextShingles.Normalise("勾股定理（第１课时） 微课"));
        Assert.Equal("abc12", TextShingles.Normalise("ＡＢＣ 1-2"));
        var a = TextShingles.Of(TextShingles.Normalise("《圆的面积》教学设计"), 2);
        var b = TextShingles.Of(TextShingles.Normalise("圆的面积 教学设计"), 2);
        var c = TextShingles.Of(TextShingles.Normalise("圆的周长 教学设计"), 2);
        Assert.Equal(1, TextShingles.Jaccard(a, b));
        Assert.True(TextShingles.Jaccard(a, c) < 0.8);
    }

    [Fact]
    public void Stored_hashes_round_trip()
    {
        var hashes = new[] { 0UL, 1UL, ulong.MaxValue, 0x0123456789ABCDEFUL };
        Assert.Equal(hashes, HashBytes.To(HashBytes.From(hashes)));
        Assert.Equal(0xEF, HashBytes.From(hashes)[24]); // little-endian on every machine
    }
}
