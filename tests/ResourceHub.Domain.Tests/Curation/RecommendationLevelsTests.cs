using ResourceHub.Domain.Curation;

namespace ResourceHub.Domain.Tests.Curation;

public sealed class RecommendationLevelsTests
{
    [Theory]
    [InlineData(null, "school")]
    [InlineData("school", "county")]
    [InlineData("county", "city")]
    [InlineData("city", "province")]
    [InlineData("province", "national")]
    [InlineData("national", null)]
    public void Levels_climb_one_step_at_a_time(string? current, string? next) =>
        Assert.Equal(next, RecommendationLevels.Next(current));

    [Theory]
    [InlineData("school", new[] { "school" })]
    [InlineData("county", new[] { "school", "county" })]
    [InlineData("city", new[] { "school", "county", "city" })]
    [InlineData("province", new[] { "school", "county", "city", "province", "national" })]
    [InlineData("vendor", new string[0])]
    public void Each_admin_tier_grants_its_own_level_and_those_below(string tier, string[] levels) =>
        Assert.Equal(levels, RecommendationLevels.GrantableBy(tier));

    [Fact]
    public void Names_come_from_the_taxonomy() => Assert.Equal("县级", RecommendationLevels.NameOf("county"));
}
