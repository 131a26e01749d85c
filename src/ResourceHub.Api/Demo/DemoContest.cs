using ResourceHub.Data;
using ResourceHub.Domain.Contests;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Api.Demo;

/// <summary>
/// The demo's 评选活动: the province's micro-lesson contest, in its voting phase, with the demo micro-lessons entered
/// and found eligible, so the contest page has a gallery to vote in from the first sign-in.
/// </summary>
public static class DemoContest
{
    public const string Title = "安徽省 2026 年“信息技术融合”优秀微课评选";

    public static void Add(ResourceHubDbContext db, IEnumerable<Resource> resources, DateTime now)
    {
        var day = now.Date;
        var contest = new Contest
        {
            Id = Guid.NewGuid(), Title = Title, RegionOrg = "ah-edu", RubricId = SeedRubrics.LessonRubricId, Kinds = ["micro-lesson"],
            Rules = "## 征集范围\n全省中小学、幼儿园教师及课程供应商的**原创**微课，时长 5–15 分钟。\n\n" +
                    "## 评审办法\n专家按《优课评审量规》评分（占 70%），公众投票占 30%；每人每天可为每件作品投 1 票，" +
                    "不能为本人或本机构的作品投票。\n\n## 奖项\n一等奖 1 名、二等奖 1 名、三等奖 1 名、优秀奖 2 名。",
            Phase = ContestPhases.Judging, CollectFrom = day.AddDays(-20), ScreenFrom = day.AddDays(-10), JudgeFrom = day.AddDays(-3),
            PublicityFrom = day.AddDays(7), ResultsFrom = day.AddDays(14), ExpertWeight = 70,
            FirstPrizes = 1, SecondPrizes = 1, ThirdPrizes = 1, ExcellencePrizes = 2, VotesPerDay = 1,
            CreatedBy = "province.admin", CreatedAt = now, UpdatedAt = now,
        };
        db.Add(contest);
        foreach (var r in resources.Where(r => r.Kind == "micro-lesson"))
            db.Add(new ContestEntry
            {
                Id = Guid.NewGuid(), ContestId = contest.Id, ResourceId = r.Id, EntrantId = r.CreatedBy, EntrantOrg = r.OwnerOrg,
                Status = EntryStatus.Eligible, EnteredAt = day.AddDays(-15),
            });
    }
}
