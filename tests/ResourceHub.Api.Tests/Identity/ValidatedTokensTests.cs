using System.Security.Claims;
using ResourceHub.Api.Identity;
using ResourceHub.Application.Identity;

namespace ResourceHub.Api.Tests.Identity;

public sealed class ValidatedTokensTests
{
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
    private static ClaimsPrincipal Principal(string user) => new(new ClaimsIdentity([new Claim(ClaimNames.UserId, user)], "test"));

    [Fact]
    public void Only_the_exact_token_text_is_found()
    {
        var cache = new ValidatedTokens(new Clock(T0));
        var alice = Principal("alice");
        cache.Remember("token-a", alice, T0.AddHours(1));
        Assert.Same(alice, cache.Find("token-a"));
        Assert.Null(cache.Find("token-A"));
        Assert.Null(cache.Find("token-a "));
    }

    [Fact]
    public void An_entry_ends_when_its_token_expires()
    {
        var clock = new Clock(T0);
        var cache = new ValidatedTokens(clock);
        cache.Remember("short", Principal("bob"), T0.AddMinutes(2));
        clock.Now = T0.AddMinutes(2).AddSeconds(-1);
        Assert.NotNull(cache.Find("short"));
        clock.Now = T0.AddMinutes(2);
        Assert.Null(cache.Find("short"));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void A_long_lived_token_is_checked_again_after_max_age()
    {
        var clock = new Clock(T0);
        var cache = new ValidatedTokens(clock);
        cache.Remember("long", Principal("carol"), T0.AddDays(30));
        clock.Now = T0 + ValidatedTokens.MaxAge - TimeSpan.FromSeconds(1);
        Assert.NotNull(cache.Find("long"));
        clock.Now = T0 + ValidatedTokens.MaxAge;
        Assert.Null(cache.Find("long"));
    }

    [Fact]
    public void The_cache_never_grows_past_its_capacity()
    {
        var cache = new ValidatedTokens(new Clock(T0));
        for (var i = 0; i <= ValidatedTokens.Capacity; i++)
            cache.Remember($"t{i}", Principal("u"), T0.AddHours(1));
        Assert.True(cache.Count <= ValidatedTokens.Capacity);
        Assert.NotNull(cache.Find($"t{ValidatedTokens.Capacity}"));
    }
}
