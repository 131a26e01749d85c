using ResourceHub.Application.Media;

namespace ResourceHub.Application.Tests.Media;

public sealed class MediaLinksTests
{
    private readonly TestClock _clock = new(new DateTimeOffset(2026, 12, 4, 8, 7, 0, TimeSpan.Zero));
    private readonly byte[] _key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void A_link_names_its_resource_and_user_until_it_expires()
    {
        var links = new MediaLinks(_key, _clock);
        var id = Guid.NewGuid();
        var token = links.Token(id, "李明");
        Assert.Equal((id, "李明"), links.Verify(token));
        _clock.Advance(MediaLinks.Lifetime + TimeSpan.FromMinutes(31));
        Assert.Null(links.Verify(token));
    }

    [Fact]
    public void Links_stay_the_same_within_a_half_hour_so_browsers_cache_them()
    {
        var links = new MediaLinks(_key, _clock);
        var id = Guid.NewGuid();
        var first = links.Token(id, "li.ming");
        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(first, links.Token(id, "li.ming"));
    }

    [Fact]
    public void A_changed_resource_user_or_key_breaks_the_signature()
    {
        var links = new MediaLinks(_key, _clock);
        var token = links.Token(Guid.NewGuid(), "li.ming");
        var parts = token.Split('.');
        Assert.Null(links.Verify(string.Join('.', Guid.NewGuid().ToString("N"), parts[1], parts[2], parts[3])));
        Assert.Null(links.Verify(string.Join('.', parts[0], parts[1], "YWRtaW4", parts[3])));
        Assert.Null(new MediaLinks(new byte[32], _clock).Verify(token));
        Assert.Null(links.Verify("not-a-token"));
    }
}
