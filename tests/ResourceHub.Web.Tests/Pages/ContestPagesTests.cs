using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ResourceHub.Api.Demo;
using ResourceHub.Application.Contests;
using ResourceHub.Application.Identity;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Contests;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Organizations;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Web.Tests.Pages;

/// <summary>
/// A whole contest in the browser: the county admin creates and advances it, two trainees enter their micro-lessons,
/// an expert scores, a teacher of another school votes (a second vote the same day is refused in Chinese, as are
/// votes for one's own school, from outside the region and after voting closed), the admin publishes the results and
/// awards them, and everyone reads the score breakdown. Organiser controls are hidden from others and refused anyway.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ContestPagesTests(WebServer server)
{
    private const string Voter = "zhou.hua";

    [Fact]
    public async Task A_contest_runs_from_creation_to_published_awards()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var title = $"<b>包河区</b>“信息技术融合”微课评选 {tag}";
        var mine = await SeedAsync("li.ming", $"<i>分数的意义</i>（参评微课）{tag}");
        var hers = await SeedAsync("wang.fang", $"小数的初步认识（参评微课）{tag}");

        // The county admin creates the contest from the list page.
        var admin = await server.SignedInAsync("county.admin");
        await admin.ClickAsync("nav >> text=评选活动");
        await admin.WaitForURLAsync(server.BaseUrl + "/contests");
        await admin.ClickAsync("text=新建评选活动");
        await admin.FillAsync("#title", title);
        await admin.FillAsync("#rules", "## 征集范围\n包河区教师的**原创**微课。<script>alert('rules')</script>");
        await admin.CheckAsync("#kind-micro-lesson");
        await admin.FillAsync("#weight", "60");
        await admin.FillAsync("#first", "1");
        await admin.FillAsync("#second", "1");
        await admin.FillAsync("#third", "0");
        await admin.ClickAsync("button:has-text('创建评选活动')");
        await admin.WaitForURLAsync(u => u.Contains("/contests/") && u.Contains("done="));
        var url = admin.Url.Split('?')[0];
        Assert.Equal(title, await admin.TextContentAsync("h1"));
        Assert.Equal("征集范围", await admin.TextContentAsync("#rules h2"));
        Assert.Contains("<script>alert('rules')</script>", await admin.TextContentAsync("#rules"));
        Assert.Equal(0, await admin.Locator("script:not([src])").CountAsync());
        Assert.Equal("作品征集", await admin.TextContentAsync("#phase"));
        Assert.Matches(@"^\d+ 天 \d+ 小时 \d+ 分$", (await admin.TextContentAsync("#countdown"))!.Trim());

        // Two trainees enter their own micro-lessons; the form offers only what the contest accepts.
        foreach (var (user, resource) in new[] { ("li.ming", mine), ("wang.fang", hers) })
        {
            var trainee = await server.SignedInAsync(user);
            await trainee.GotoAsync(url);
            Assert.Equal(0, await trainee.Locator("#admin").CountAsync());
            await trainee.SelectOptionAsync("#resource", resource.ToString());
            await trainee.ClickAsync("button:has-text('提交报名')");
            await trainee.WaitForURLAsync(u => u.Contains("done="));
            Assert.Contains("报名成功", await trainee.TextContentAsync(".notice"));
            Assert.Equal("待初审", await trainee.TextContentAsync(".entry-status"));
            await trainee.Context.CloseAsync();
        }

        // 初审, then voting; an expert scores both through the use case (the scoring desk is not this page's job).
        await ClickAsync(admin, "button:has-text('推进阶段')");
        Assert.Equal("资格初审", await admin.TextContentAsync("#phase"));
        foreach (var name in new[] { "分数的意义", "小数的初步认识" })
            await ClickAsync(admin, $"li.card:has-text('{name}') button:has-text('通过初审')");
        await ClickAsync(admin, "button:has-text('推进阶段')");
        Assert.Equal("专家评审与公众投票", await admin.TextContentAsync("#phase"));
        var contestId = Guid.Parse(url[(url.LastIndexOf('/') + 1)..]);
        await ScoreAsync(contestId, mine, 0.9);
        await ScoreAsync(contestId, hers, 0.8);

        // A teacher of another school in the county votes once; the second vote today is refused in Chinese.
        var voter = await server.SignedInAsync(Voter);
        await voter.GotoAsync(url);
        Assert.Equal(title, await voter.TextContentAsync("h1"));
        Assert.Equal($"<i>分数的意义</i>（参评微课）{tag}", await voter.Locator("li.card:has-text('分数的意义') h3").TextContentAsync());
        await ClickAsync(voter, "li.card:has-text('分数的意义') button.vote");
        Assert.Contains("投票成功", await voter.TextContentAsync(".notice"));
        var again = await ClickAsync(voter, "li.card:has-text('分数的意义') button.vote", expectDone: false);
        Assert.Equal(409, again);
        Assert.Contains("今天已为该作品投过票", await voter.TextContentAsync(".notice.error"));

        // Refusals from the use case, shown on the page: one's own school, outside the region.
        var trainee2 = await server.SignedInAsync("li.ming");
        await trainee2.GotoAsync(url);
        Assert.Equal(403, await ClickAsync(trainee2, "li.card:has-text('小数的初步认识') button.vote", expectDone: false));
        Assert.Contains("不能为本人或本机构的作品投票", await trainee2.TextContentAsync(".notice.error"));
        var outsider = await server.SignedInAsync("zhang.expert");
        await outsider.GotoAsync(url);
        Assert.Equal(403, await ClickAsync(outsider, "li.card:has-text('分数的意义') button.vote", expectDone: false));
        Assert.Contains("不在本活动的投票范围内", await outsider.TextContentAsync(".notice.error"));

        // Hidden is not enough: a teacher posting the organiser's form is refused by the use case.
        var forged = await voter.RunAndWaitForResponseAsync(() => voter.EvalOnSelectorAsync(
            "li.card:has-text('小数的初步认识') form", "f => { f.action = f.action.replace('handler=Vote', 'handler=Advance'); f.submit(); }"),
            r => r.Request.Method == "POST");
        await voter.WaitForURLAsync(u => u.Contains("handler=Advance"));
        await voter.WaitForLoadStateAsync();
        Assert.Equal(403, forged.Status);
        Assert.Contains("只有评选活动的组织管理员", await voter.TextContentAsync(".notice.error"));

        // The organiser sees the running count; the voter's stale page cannot vote once voting is closed.
        await voter.GotoAsync(url);
        await admin.GotoAsync(url);
        Assert.Equal("1", await admin.Locator("tr:has-text('分数的意义') td.votes").TextContentAsync());
        await ClickAsync(admin, "button:has-text('推进阶段')");
        Assert.Equal("结果公示", await admin.TextContentAsync("#phase"));
        Assert.Equal(409, await ClickAsync(voter, "li.card:has-text('小数的初步认识') button.vote", expectDone: false));
        Assert.Contains("投票须在“专家评审与公众投票”阶段进行", await voter.TextContentAsync(".notice.error"));

        // Awards by rank; the results page shows every part of the score to everyone.
        await ClickAsync(admin, "button:has-text('颁奖')");
        await ClickAsync(admin, "button:has-text('推进阶段')");
        Assert.Equal("结果发布", await admin.TextContentAsync("#phase"));
        await voter.GotoAsync(url);
        Assert.Contains("专家评审均分(百分制) × 60% + 投票得分 × 40%", await voter.TextContentAsync("#formula"));
        var first = voter.Locator("tr:has-text('分数的意义')");
        Assert.Equal("1", await first.Locator("td.rank").TextContentAsync());
        Assert.Equal("90（1 人）", await first.Locator("td.expert").TextContentAsync());
        Assert.Equal("1", await first.Locator("td.votes").TextContentAsync());
        Assert.Equal("100", await first.Locator("td.vote-score").TextContentAsync());
        Assert.Equal("94", await first.Locator("td.final").TextContentAsync()); // 90 × 60% + 100 × 40%
        Assert.Equal("一等奖", await first.Locator("td.award").TextContentAsync());
        var second = voter.Locator("tr:has-text('小数的初步认识')");
        Assert.Equal(("2", "0", "48", "二等奖"), (await second.Locator("td.rank").TextContentAsync(), await second.Locator("td.votes").TextContentAsync(),
            await second.Locator("td.final").TextContentAsync(), await second.Locator("td.award").TextContentAsync())); // 80 × 60%
        Assert.Contains("推进阶段", await voter.TextContentAsync("#history"));
        Assert.Equal(0, await voter.Locator("#admin").CountAsync());
        await voter.GotoAsync("/contests");
        Assert.Equal("结果发布", await voter.Locator($"#contests tr:has(a[href='{new Uri(url).AbsolutePath}']) td.phase").TextContentAsync());
        Assert.Equal(0, await voter.Locator("text=新建评选活动").CountAsync());
        var form = await voter.GotoAsync("/contests/new");
        Assert.Equal(403, form!.Status);
        Assert.Contains("只有学校或教育行政机构的管理员可以创建评选活动", await voter.ContentAsync());
    }

    /// <summary>Clicks a form's button and waits for the answer to its POST; returns the status after the redirect (200) or of the refusal.</summary>
    private static async Task<int> ClickAsync(IPage page, string selector, bool expectDone = true)
    {
        // Marks this document, so the wait below ends only once the answer (the refusal or the redirect's page) replaced it.
        await page.EvaluateAsync("() => { window.stale = true; }");
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync(selector), r => r.Request.Method == "POST");
        await page.WaitForFunctionAsync("() => !window.stale && document.readyState !== 'loading'");
        if (expectDone)
            Assert.Equal(302, response.Status);
        return response.Status;
    }

    /// <summary>A published micro-lesson of this trainee (school bh-no1), and the voter of another school in the county.</summary>
    private async Task<Guid> SeedAsync(string owner, string title)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResourceHubDbContext>();
        if (!await db.Organizations.AnyAsync(o => o.Code == "bh-no2"))
        {
            db.Organizations.Add(new Organization { Code = "bh-no2", Name = "包河区第二小学", Kind = "school", Tier = "school", ParentCode = "bh-edu" });
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<LocalAccounts>()
                .AddAsync(new NewAccount(Voter, "周华", Roles.Teacher, "bh-no2", [], DemoAccounts.Password), default);
        }
        var now = DateTime.UtcNow;
        var resource = new Resource
        {
            Id = Guid.NewGuid(), Kind = "micro-lesson", Title = title, Description = "参评作品", Subject = "math", Stage = "primary",
            OwnerOrg = "bh-no1", CreatedBy = owner, CreatedAt = now, UpdatedAt = now, Status = ResourceStatus.Published,
            TrainingProject = "2026 年国培计划",
        };
        db.Resources.Add(resource);
        await db.SaveChangesAsync();
        return resource.Id;
    }

    /// <summary>zhang.expert (city, math) scores an entry at this fraction of every criterion's maximum.</summary>
    private async Task ScoreAsync(Guid contestId, Guid resourceId, double fraction)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResourceHubDbContext>();
        var contest = await db.Set<Contest>().SingleAsync(c => c.Id == contestId);
        var entry = await db.Set<ContestEntry>().SingleAsync(e => e.ContestId == contestId && e.ResourceId == resourceId);
        var criteria = await db.Set<RubricCriterion>().Where(c => c.RubricId == contest.RubricId).ToListAsync();
        var expert = new Caller("zhang.expert", "张老师（数学专家）", Roles.Expert, "hf-edu", ["math"]);
        await scope.ServiceProvider.GetRequiredService<ContestEntering>().ScoreAsync(expert, contestId, entry.Id,
            criteria.Select(c => new CriterionScore(c.Name, c.MaxPoints * fraction)).ToList(), "选题新颖", default);
    }
}
