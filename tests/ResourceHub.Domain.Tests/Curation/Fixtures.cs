using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Organizations;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Domain.Tests.Curation;

/// <summary>A small province → city → county → school hierarchy with a county-registered vendor, and its people.</summary>
internal static class Fixtures
{
    public static readonly DateTime Now = new(2026, 5, 1, 8, 0, 0, DateTimeKind.Utc);

    public static readonly Organization Province = new() { Code = "ah-edu", Kind = "region", Tier = "province" };
    public static readonly Organization City = new() { Code = "hf-edu", Kind = "region", Tier = "city", ParentCode = "ah-edu" };
    public static readonly Organization County = new() { Code = "bh-edu", Kind = "region", Tier = "county", ParentCode = "hf-edu" };
    public static readonly Organization OtherCounty = new() { Code = "ys-edu", Kind = "region", Tier = "county", ParentCode = "hf-edu" };
    public static readonly Organization School = new() { Code = "bh-no1", Kind = "school", Tier = "school", ParentCode = "bh-edu" };
    public static readonly Organization Vendor = new() { Code = "acme", Kind = "vendor", Tier = "county", ParentCode = "bh-edu" };

    /// <summary>acme's region: itself and every region above it.</summary>
    public static readonly IReadOnlyList<string> VendorRegion = ["acme", "bh-edu", "hf-edu", "ah-edu"];

    public static Actor As(string user, string role, Organization? org, params string[] subjects) =>
        new(new Caller(user, user, role, org?.Code ?? "", subjects), org);

    public static Resource Item(string status = ResourceStatus.Draft, string? level = null) => new()
    {
        Id = Guid.NewGuid(), Kind = "micro-lesson", Title = "圆的面积", Subject = "math", Stage = "primary",
        OwnerOrg = "acme", CreatedBy = "alice", Status = status, RecommendationLevel = level,
    };

    public static CurationItem Track(Resource resource, ResourceRevision? revision = null, ReviewCase? reviewCase = null) =>
        new(new CurationTarget(resource, VendorRegion), revision, reviewCase, null);

    public static Rubric Rubric(int required = 2, double pass = 70, double gap = 20) =>
        new()
        {
            Id = Guid.NewGuid(), Name = "测试量规", RequiredReviews = required, PassMean = pass, DivergenceGap = gap,
            Criteria =
            [
                new() { Name = "设计", MaxPoints = 60 },
                new() { Name = "效果", MaxPoints = 40 },
            ],
        };

    /// <summary>Scores that add up to <paramref name="total"/> on <see cref="Rubric"/>.</summary>
    public static IReadOnlyList<CriterionScore> Scores(double total) =>
        [new("设计", Math.Min(60, total)), new("效果", Math.Max(0, total - 60))];
}
