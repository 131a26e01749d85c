using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Organizations;
using ResourceHub.Domain.Resources;
using ResourceHub.Domain.Users;

namespace ResourceHub.Application.Tests.Statistics;

/// <summary>
/// A deterministic region with curation history for the statistics tests: two provinces' worth of organisations
/// (one of them unregistered), resources in every state over two years (some created late in a UTC day, so the
/// Beijing month differs), their submissions, reviews, decisions and recommendations.
/// </summary>
public sealed class StatsSeed
{
    public static readonly Organization[] Orgs =
    [
        new() { Code = "ah", Name = "安徽省教育厅", Kind = "region", Tier = "province" },
        new() { Code = "hf", Name = "合肥市教育局", Kind = "region", Tier = "city", ParentCode = "ah" },
        new() { Code = "ls", Name = "六安市教育局", Kind = "region", Tier = "city", ParentCode = "ah" },
        new() { Code = "bh", Name = "包河区教体局", Kind = "region", Tier = "county", ParentCode = "hf" },
        new() { Code = "bh1", Name = "包河一小", Kind = "school", Tier = "school", ParentCode = "bh" },
        new() { Code = "bh2", Name = "包河二小", Kind = "school", Tier = "school", ParentCode = "bh" },
        new() { Code = "ls1", Name = "六安一中", Kind = "school", Tier = "school", ParentCode = "ls" },
        new() { Code = "acme", Name = "示范机构", Kind = "vendor", Tier = "province", ParentCode = "ah" },
        new() { Code = "js", Name = "江苏省教育厅", Kind = "region", Tier = "province" },
        new() { Code = "js1", Name = "南京一中", Kind = "school", Tier = "school", ParentCode = "js" },
    ];

    public static readonly string[] Experts = ["e1", "e2", "e3"];
    private static readonly string[] Owners = ["ah", "hf", "ls", "bh", "bh1", "bh2", "ls1", "acme", "js1", "ghost"];
    private static readonly string[] Subjects = ["math", "chinese", "english", "physics"];
    private static readonly string[] Stages = ["primary", "junior", "senior"];
    private static readonly string[] Kinds = ["micro-lesson", "courseware", "case"];
    private static readonly string[] Statuses =
        [ResourceStatus.Draft, ResourceStatus.Submitted, ResourceStatus.ChangesRequested, ResourceStatus.Rejected, ResourceStatus.Published, ResourceStatus.Recommended];

    public List<Resource> Resources { get; } = [];
    public List<CurationEvent> Events { get; } = [];
    public List<Review> Reviews { get; } = [];
    public List<UsageEvent> Usage { get; } = [];

    /// <summary>Downloads and ratings stop before the tests' today.</summary>
    public static readonly DateTime UsageUntil = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
    public List<User> Users { get; } = Experts.Select(e => new User { Id = e, DisplayName = "专家" + e, Role = "expert", OrgCode = "ah" }).ToList();

    public StatsSeed(Guid rubricId, int count = 160)
    {
        var random = new Random(11);
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < count; i++)
        {
            var created = start.AddSeconds(random.Next(0, 690 * 24 * 3600));
            var status = Statuses[random.Next(Statuses.Length)];
            var r = new Resource
            {
                Id = Guid.NewGuid(), Title = "资源" + i, Kind = Kinds[random.Next(Kinds.Length)], Subject = Subjects[random.Next(Subjects.Length)],
                Stage = Stages[random.Next(Stages.Length)], OwnerOrg = Owners[random.Next(Owners.Length)], CreatedBy = "u",
                CreatedAt = created, UpdatedAt = created, Status = status, Version = 1,
            };
            Resources.Add(r);
            if (status is ResourceStatus.Published or ResourceStatus.Recommended)
                for (var n = random.Next(6); n > 0; n--)
                {
                    var at0 = created.AddSeconds(random.Next(1, (int)Math.Min(200 * 24 * 3600, (UsageUntil - created).TotalSeconds)));
                    Usage.Add(random.Next(3) == 0
                        ? new UsageEvent { ResourceId = r.Id, Kind = UsageEvent.Rating, Stars = random.Next(1, 6), At = at0 }
                        : new UsageEvent { ResourceId = r.Id, Kind = UsageEvent.Download, At = at0 });
                }
            if (status == ResourceStatus.Draft)
                continue;
            var at = created.AddHours(random.Next(1, 200));
            Add(r, "submit", at);
            if (status == ResourceStatus.Submitted)
                continue;
            var verdictNeeded = status switch
            {
                ResourceStatus.ChangesRequested => Verdicts.Changes,
                ResourceStatus.Rejected => Verdicts.Reject,
                _ => Verdicts.Approve,
            };
            foreach (var expert in Experts.Take(2 + random.Next(2)))
            {
                at = at.AddHours(random.Next(1, 300));
                var verdict = random.Next(4) == 0 ? Verdicts.All[random.Next(3)] : verdictNeeded;
                Reviews.Add(new Review
                {
                    Id = Guid.NewGuid(), ResourceId = r.Id, Round = 1, RubricId = rubricId, ReviewerId = expert, ReviewerOrg = "ah",
                    Verdict = verdict, Total = 80, MaxTotal = 100, CreatedAt = at,
                });
                Add(r, CurationActions.Review, at);
            }
            at = at.AddMinutes(1);
            Add(r, status switch
            {
                ResourceStatus.ChangesRequested => "request-changes",
                ResourceStatus.Rejected => "reject",
                _ => "publish",
            }, at);
            if (status != ResourceStatus.Recommended)
                continue;
            foreach (var level in RecommendationLevels.Ordered.Take(1 + random.Next(5)))
            {
                at = at.AddDays(random.Next(1, 20));
                Add(r, "recommend", at, level);
                r.RecommendationLevel = level;
            }
        }
    }

    private void Add(Resource r, string action, DateTime at, string? level = null) =>
        Events.Add(new CurationEvent { ResourceId = r.Id, Action = action, Level = level, At = at, ActorId = "x", ActorRole = "admin", ActorOrg = "ah" });

    /// <summary>Whether <paramref name="owner"/> is <paramref name="top"/> or below it, by walking the parent chain.</summary>
    public static bool Within(string owner, string top)
    {
        for (var at = Orgs.FirstOrDefault(o => o.Code == owner); at is not null; at = Orgs.FirstOrDefault(o => o.Code == at.ParentCode))
            if (at.Code == top)
                return true;
        return false;
    }
}
