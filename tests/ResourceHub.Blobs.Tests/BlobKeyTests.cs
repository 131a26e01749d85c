namespace ResourceHub.Blobs.Tests;

public sealed class BlobKeyTests
{
    [Theory]
    [InlineData("resources/3f2504e0-4f89-11d3-9a0c-0305e82c3301/original")]
    [InlineData("resources/3f2504e04f8911d39a0c0305e82c3301/renditions/hls/720p/seg_001.ts")]
    [InlineData("resources/x/renditions/thumb@2x.jpg")]
    [InlineData("a")]
    [InlineData("教师培训/课件.pdf")]
    [InlineData("v=1+2/.hidden")]
    public void Accepts_valid_keys(string key)
    {
        BlobKey.Validate(key);
        Assert.True(BlobKey.IsValid(key));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("/resources/x", "starts with '/'")]
    [InlineData("resources/../x", "'..'")]
    [InlineData("..", "'..'")]
    [InlineData("./x", "'.'")]
    [InlineData("a\\b", "backslash")]
    [InlineData("a//b", "empty segment")]
    [InlineData("a/", "ends with '/'")]
    [InlineData("a b", "' '")]
    [InlineData("a~b", "'~'")]
    [InlineData("a:b", "':'")]
    [InlineData("a\u0000b", "U+0000")]
    [InlineData("😀", "U+1F600")]
    public void Rejects_invalid_keys_with_a_clear_message(string key, string reason)
    {
        var e = Assert.Throws<ArgumentException>(() => BlobKey.Validate(key));
        Assert.Contains(reason, e.Message);
        Assert.Equal("key", e.ParamName);
        Assert.False(BlobKey.IsValid(key));
    }

    [Fact]
    public void Rejects_overlong_keys_and_segments()
    {
        Assert.Throws<ArgumentException>(() => BlobKey.Validate(new string('a', 256)));
        Assert.Throws<ArgumentException>(() => BlobKey.Validate(string.Join('/', Enumerable.Repeat(new string('a', 200), 6))));
        BlobKey.Validate(new string('a', 255));
        BlobKey.Validate(new string('教', 85)); // 255 UTF-8 bytes
        Assert.Throws<ArgumentException>(() => BlobKey.Validate(new string('教', 86)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("resources/")]
    [InlineData("resources/3f25")]
    [InlineData("resources/x/renditions/")]
    public void Accepts_valid_prefixes(string prefix)
    {
        BlobKey.ValidatePrefix(prefix);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("../")]
    [InlineData("a//")]
    [InlineData("a\\")]
    public void Rejects_invalid_prefixes(string prefix)
    {
        var e = Assert.Throws<ArgumentException>(() => BlobKey.ValidatePrefix(prefix));
        Assert.Equal("prefix", e.ParamName);
    }
}
