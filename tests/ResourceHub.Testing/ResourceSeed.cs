using ResourceHub.Domain.Organizations;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Testing;

/// <summary>
/// Deterministic varied resources for query tests and the bench: mixed Chinese/ASCII titles
/// (with LIKE wildcards), nullable fields, several owners and statuses, tags and topics.
/// </summary>
public static class ResourceSeed
{
    public static readonly string[] Orgs = ["acme", "lumen", "north"];
    private static readonly string[] Kinds = ["micro-lesson", "courseware", "lesson-record", "case"];
    private static readonly string[] Subjects = ["math", "chinese", "english", "physics"];
    private static readonly string[] Stages = ["primary", "junior", "senior"];
    private static readonly string[] Statuses = ["draft", "submitted", "published", "recommended", "retired"];
    private static readonly string[] TitleWords = ["圆的面积", "函数图像", "Algebra", "geometry", "阅读理解", "Newton 定律", "50%_折扣", "Zeta", "mixed Case"];
    private static readonly string[] TagPool = ["圆", "函数", "Algebra", "geo", "六年级", "A_b%", "abc"];
    private static readonly string[] TopicPool = ["ethics", "it-methods", "it-integration"];
    private static readonly string?[] Grades = [null, "g1", "g3", "g6", "G6"];

    /// <summary>The root organisation: its admin is the platform administrator (sees and manages every item).</summary>
    public const string PlatformOrg = "edu-root";

    public static IEnumerable<Organization> Organizations() =>
        Orgs.Select(o => new Organization { Code = o, Name = "机构 " + o, Kind = "vendor", Tier = "school", ParentCode = PlatformOrg })
            .Prepend(new Organization { Code = PlatformOrg, Name = "平台", Kind = "region", Tier = "province" });

    public static IEnumerable<Resource> Resources(int count, int seed = 7)
    {
        var random = new Random(seed);
        var start = new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < count; i++)
        {
            var created = start.AddSeconds(random.Next(0, 3 * 365 * 24 * 3600));
            T Pick<T>(T[] from) => from[random.Next(from.Length)];
            var hasFile = random.Next(3) > 0;
            yield return new Resource
            {
                Id = Guid.NewGuid(),
                Kind = Pick(Kinds),
                Title = $"{Pick(TitleWords)} {random.Next(1000)}",
                Description = random.Next(2) == 0 ? null : "说明 " + i,
                Subject = Pick(Subjects),
                Stage = Pick(Stages),
                Topics = TopicPool.Where(_ => random.Next(3) == 0).ToList(),
                Tags = TagPool.Where(_ => random.Next(4) == 0).ToList(),
                Grade = Pick(Grades),
                OwnerOrg = Pick(Orgs),
                CreatedBy = "user" + random.Next(5),
                CreatedAt = created,
                UpdatedAt = created.AddDays(random.Next(30)),
                Status = Pick(Statuses),
                Version = 1,
                File = hasFile
                    ? new ResourceFile { FileName = $"f{random.Next(100)}.pdf", ContentType = "application/pdf", Size = random.Next(1, 200_000), Sha256 = "00", BlobKey = "k" + i }
                    : null,
            };
        }
    }
}
