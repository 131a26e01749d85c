using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Domain.Contests;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Organizations;
using ResourceHub.Domain.Resources;
using ResourceHub.Domain.Users;

/// <summary>
/// A city region with schools and a vendor, a contest of the city in its voting phase with the vendor's entries
/// found eligible, and the voters (teachers of the schools) known to the system of record.
/// </summary>
internal static class VoteSeed
{
    public const string Region = "bench-city";
    public const string Vendor = "bench-vendor";
    public const int Schools = 50;

    public sealed record Seeded(Guid ContestId, IReadOnlyList<Guid> Entries, IReadOnlyList<(string User, string Org)> Voters);

    public static async Task<Seeded> RunAsync(IServiceProvider services, int users, int entries)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResourceHubDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var now = DateTime.UtcNow;
        db.Organizations.Add(new Organization { Code = Region, Name = "评测市教育局", Kind = "region", Tier = "city" });
        db.Organizations.Add(new Organization { Code = Vendor, Name = "评测课程供应商", Kind = "vendor", Tier = "city", ParentCode = Region });
        for (var s = 0; s < Schools; s++)
            db.Organizations.Add(new Organization { Code = School(s), Name = $"评测第{s + 1}小学", Kind = "school", Tier = "school", ParentCode = Region });
        var contest = new Contest
        {
            Id = Guid.NewGuid(), Title = "投票压力评测", Rules = "评测", RegionOrg = Region, RubricId = SeedRubrics.LessonRubricId,
            Phase = ContestPhases.Judging, CollectFrom = now.AddDays(-20), ScreenFrom = now.AddDays(-10), JudgeFrom = now.AddDays(-1),
            PublicityFrom = now.AddDays(7), ResultsFrom = now.AddDays(14), VotesPerDay = 1, CreatedBy = "bench-admin", CreatedAt = now, UpdatedAt = now,
        };
        db.Add(contest);
        var entryIds = new List<Guid>();
        for (var e = 0; e < entries; e++)
        {
            var resource = new Resource
            {
                Id = Guid.NewGuid(), Kind = "micro-lesson", Title = $"参评微课 {e + 1}", Subject = "math", Stage = "primary",
                OwnerOrg = Vendor, CreatedBy = "bench-vendor-user", CreatedAt = now, UpdatedAt = now, Status = ResourceStatus.Published,
            };
            var entry = new ContestEntry
            {
                Id = Guid.NewGuid(), ContestId = contest.Id, ResourceId = resource.Id, EntrantId = resource.CreatedBy, EntrantOrg = Vendor,
                Status = EntryStatus.Eligible, EnteredAt = now.AddDays(-15),
            };
            db.Add(resource);
            db.Add(entry);
            entryIds.Add(entry.Id);
        }
        var voters = Enumerable.Range(0, users).Select(u => ($"voter{u:D5}", School(u % Schools))).ToList();
        // Known before voting opened and seen just now: neither a "new account" nor a first-request insert in the timings.
        foreach (var (user, org) in voters)
            db.Users.Add(new User { Id = user, DisplayName = user, Role = "teacher", OrgCode = org, CreatedAt = now.AddDays(-30), LastSeenAt = now });
        await db.SaveChangesAsync();
        return new Seeded(contest.Id, entryIds, voters);
    }

    private static string School(int i) => $"bench-s{i:D2}";

    /// <summary>Stored votes per entry, counted by the database.</summary>
    public static async Task<Dictionary<Guid, long>> StoredAsync(IServiceProvider services, Guid contestId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResourceHubDbContext>();
        return await db.Set<ContestVote>().Where(v => v.ContestId == contestId).GroupBy(v => v.EntryId)
            .Select(g => new { g.Key, Count = g.LongCount() }).ToDictionaryAsync(x => x.Key, x => x.Count);
    }

    /// <summary>Distinct (voter, entry, day) among the stored votes: equal to the row count when nobody counted twice.</summary>
    public static async Task<long> DistinctBallotsAsync(IServiceProvider services, Guid contestId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResourceHubDbContext>();
        return await db.Set<ContestVote>().Where(v => v.ContestId == contestId).Select(v => new { v.VoterId, v.EntryId, v.Day }).Distinct().LongCountAsync();
    }
}
