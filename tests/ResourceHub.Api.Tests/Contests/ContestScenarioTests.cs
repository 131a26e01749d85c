using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Domain.Contests;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Contests;

/// <summary>A whole contest over HTTP, on each provider: entries, 初审, expert scoring, voting, publication, awards, nomination.</summary>
public abstract class ContestScenarioTests(string provider) : ContestApi(provider)
{
    protected async Task Contest_runs_from_entries_to_nominated_winners()
    {
        // The city admin creates it; everyone signed in reads the rules, the phase and its planned end.
        var contest = await NewContestAsync();
        var shown = await Json(await Teacher().GetAsync(contest));
        Assert.Equal(("collecting", "作品征集", 30L), (Text(shown, "Phase"), Text(shown, "PhaseName"), shown.GetProperty("PublicWeight").GetInt64()));
        Assert.Equal(DateTimeOffset.Parse("2026-11-20T00:00:00Z"), shown.GetProperty("PhaseEndsAt").GetDateTimeOffset());
        Assert.Contains("70%", Text(shown, "Formula"));

        // Owners enter: two published vendor items and a teacher's own contribution; nobody enters another's item.
        var itemA = await PublishedAsync();
        var itemB = await PublishedAsync();
        var a = await EnterAsync(Vendor, contest, itemA);
        var b = await EnterAsync(Api.ClientAs("bob", "vendor", "acme"), contest, itemB);
        var own = await CreateAsync(Teacher(), extra: new { TrainingProject = "2026 国培计划 · 小学数学" });
        await Error(await Act(Teacher("tina"), contest, "Enter", new { resourceId = IdOf(own) }), HttpStatusCode.NotFound);
        var c = await EnterAsync(Teacher(), contest, own);
        await Error(await Act(Vendor, contest, "Enter", new { resourceId = IdOf(itemA) }), HttpStatusCode.Conflict); // once per contest
        var physics = await CreateAsync(Vendor, subject: "physics");
        var wrongSubject = await Error(await Act(Vendor, contest, "Enter", new { resourceId = IdOf(physics) }), HttpStatusCode.BadRequest);
        Assert.Contains("学科", Text(wrongSubject, "message"));

        // Before voting opens, a teacher sees only their own entry.
        Assert.Equal([c], Strings(await Json(await Teacher().GetAsync($"{contest}/Entries")), "Id"));

        // 初审: every entry needs a decision before judging; "not eligible" needs a reason.
        await AdvanceAsync(contest, "screening");
        await Error(await Act(Vendor, contest, "Enter", new { resourceId = IdOf(physics) }), HttpStatusCode.Conflict);
        await Json(await Act(Organiser, contest, "Screen", new { entryId = a, eligible = true }));
        await Json(await Act(Organiser, contest, "Screen", new { entryId = b, eligible = true }));
        var blocked = await Error(await Act(Organiser, contest, "Advance"), HttpStatusCode.Conflict);
        Assert.Contains("1 件作品未完成资格初审", Text(blocked, "message"));
        await Error(await Act(Organiser, contest, "Screen", new { entryId = c, eligible = false }), HttpStatusCode.BadRequest);
        await Json(await Act(Organiser, contest, "Screen", new { entryId = c, eligible = false, reason = "作品未上传视频文件" }));
        await AdvanceAsync(contest, "judging");

        // Experts score under the contest's rubric; conflict of interest and ineligible entries are refused.
        await Json(await Act(Expert("eve", "ys-edu"), contest, "Score", ScoreBody(a, 0.9)));  // 89
        await Json(await Act(Expert("ed", "hf-edu"), contest, "Score", ScoreBody(a, 0.8)));   // 80
        await Json(await Act(Expert("eve", "ys-edu"), contest, "Score", ScoreBody(b, 0.6)));  // 60
        await Json(await Act(Expert("ed", "hf-edu"), contest, "Score", ScoreBody(b, 0.7)));   // 71
        await Error(await Act(Expert("eve", "ys-edu"), contest, "Score", ScoreBody(a, 0.5)), HttpStatusCode.Conflict);
        await Error(await Act(Expert("sam", "acme"), contest, "Score", ScoreBody(a, 0.9)), HttpStatusCode.Forbidden);
        await Error(await Act(Expert("eve", "ys-edu"), contest, "Score", ScoreBody(c, 0.9)), HttpStatusCode.Conflict);

        // Public voting: teachers in the region see the eligible entries and vote once a day per entry.
        Assert.Equal([a, b], Strings(await Json(await Teacher("t1").GetAsync($"{contest}/Entries")), "Id"));
        await Json(await Act(Teacher("t1"), contest, "Vote", new { entryId = a }));
        foreach (var t in new[] { "t1", "t2", "t3", "t4" })
            await Json(await Act(Teacher(t), contest, "Vote", new { entryId = b }));
        var again = await Error(await Act(Teacher("t1"), contest, "Vote", new { entryId = a }), HttpStatusCode.Conflict);
        Assert.Contains("今天已为该作品投过票", Text(again, "message"));
        await Error(await Act(Api.ClientAs("bob", "vendor", "acme"), contest, "Vote", new { entryId = a }), HttpStatusCode.Forbidden);
        await Error(await Act(Api.ClientAs("pat", "teacher", "ah-edu"), contest, "Vote", new { entryId = a }), HttpStatusCode.Forbidden);
        await Error(await Act(Api.ClientAs("t5", "teacher", "ys-edu"), contest, "Vote", new { entryId = c }), HttpStatusCode.Conflict); // ineligible

        // Results stay with the organisers until 公示.
        await Error(await Teacher().GetAsync($"{contest}/Results()"), HttpStatusCode.Conflict);
        await Json(await Organiser.GetAsync($"{contest}/Results()"));
        await AdvanceAsync(contest, "publicity");
        await Error(await Act(Teacher("t5"), contest, "Vote", new { entryId = a }), HttpStatusCode.Conflict);

        // Everyone sees every part: expert mean, votes, the weighted final score and the rank (votes lift B above A).
        var results = (await Json(await Teacher().GetAsync($"{contest}/Results()"))).GetProperty("value").EnumerateArray().ToList();
        Assert.Equal([b, a, c], results.Select(r => Text(r, "EntryId")).ToList());
        Assert.Equal((65.5, 4L, 100.0, 75.85, 1L), (results[0].GetProperty("ExpertMean").GetDouble(), results[0].GetProperty("Votes").GetInt64(),
            results[0].GetProperty("VoteScore").GetDouble(), results[0].GetProperty("FinalScore").GetDouble(), results[0].GetProperty("Rank").GetInt64()));
        Assert.Equal((84.5, 1L, 25.0, 66.65, 2L), (results[1].GetProperty("ExpertMean").GetDouble(), results[1].GetProperty("Votes").GetInt64(),
            results[1].GetProperty("VoteScore").GetDouble(), results[1].GetProperty("FinalScore").GetDouble(), results[1].GetProperty("Rank").GetInt64()));
        Assert.Equal(JsonValueKind.Null, results[2].GetProperty("Rank").ValueKind);
        Assert.Equal((70L, 30L), (results[0].GetProperty("ExpertWeight").GetInt64(), results[0].GetProperty("PublicWeight").GetInt64()));
        Assert.Contains("投票得分 = 作品票数 ÷ 最高票数 × 100", Text(results[0], "Formula"));

        // The count shown is the count stored.
        await using (var db = Db.CreateContext())
        {
            var stored = await db.Set<ContestVote>().CountAsync(v => v.EntryId == Guid.Parse(b));
            Assert.Equal(stored, results[0].GetProperty("Votes").GetInt64());
        }

        // Awards by rank, then a manual change that needs a reason and lands in the audit history.
        var awarded = (await Json(await Act(Organiser, contest, "Award"))).GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(["first", "second", ""], awarded.Select(r => r.GetProperty("Award").ToString()).ToList());
        await Error(await Act(Organiser, contest, "Award", new { entryId = a, level = "first" }), HttpStatusCode.BadRequest);
        await Json(await Act(Organiser, contest, "Award", new { entryId = a, level = "first", reason = "专家复议：并列一等奖" }));
        await Error(await Act(Organiser, contest, "Disqualify", new { entryId = c }), HttpStatusCode.BadRequest);

        // Winners go into the recommendation ladder in one step, through curation's 推优.
        var nominated = (await Json(await Act(Organiser, contest, "NominateWinners", new { level = "school", reason = "市级微课评选获奖" })))
            .GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(2, nominated.Count(n => n.GetProperty("Nominated").GetBoolean()));
        var nominations = await Json(await Organiser.GetAsync($"{itemA}/Nominations"));
        Assert.Equal(["school"], Strings(nominations, "Level"));
        Assert.Contains("一等奖", Strings(nominations, "Reason").Single());

        await AdvanceAsync(contest, "closed");
        await Error(await Act(Organiser, contest, "Advance"), HttpStatusCode.Conflict);
        var audit = await Json(await Teacher().GetAsync($"{contest}/Audit"));
        var actions = Strings(audit, "Action");
        Assert.Equal(["create", "enter", "enter", "enter", "advance", "eligible", "eligible", "ineligible", "advance", "advance",
            "award", "award", "award", "nominate", "advance"], actions);
        Assert.Contains("专家复议：并列一等奖", Strings(audit, "Reason").Single(r => r.Contains("专家复议")));
        Assert.Equal("作品未上传视频文件", Strings(audit, "Reason")[actions.IndexOf("ineligible")]);
    }

    protected async Task Disqualified_entry_leaves_the_ranking_with_its_reason_in_the_audit()
    {
        var (contest, a, b) = await VotingContestAsync();
        await Json(await Act(Teacher("t1"), contest, "Vote", new { entryId = a }));
        await Error(await Act(Teacher("t1"), contest, "Disqualify", new { entryId = a, reason = "x" }), HttpStatusCode.Forbidden);
        var disqualified = await Json(await Act(Organiser, contest, "Disqualify", new { entryId = a, reason = "经查为抄袭作品" }));
        Assert.Equal(("disqualified", "经查为抄袭作品"), (Text(disqualified, "Status"), Text(disqualified, "StatusReason")));
        await Error(await Act(Teacher("t2"), contest, "Vote", new { entryId = a }), HttpStatusCode.Conflict);
        var results = (await Json(await Organiser.GetAsync($"{contest}/Results()"))).GetProperty("value").EnumerateArray().ToList();
        var lineA = results.Single(r => Text(r, "EntryId") == a);
        Assert.Equal((JsonValueKind.Null, 1L), (lineA.GetProperty("Rank").ValueKind, lineA.GetProperty("Votes").GetInt64()));
        Assert.Equal(1L, results.Single(r => Text(r, "EntryId") == b).GetProperty("Rank").GetInt64());
        var audit = await Json(await Organiser.GetAsync($"{contest}/Audit"));
        Assert.Contains("经查为抄袭作品", Strings(audit, "Reason"));
    }

    protected async Task Bad_settings_are_refused_with_every_field_named()
    {
        var response = await Organiser.PostAsJsonAsync("/odata/Contests", new
        {
            Title = "", Rules = "规则", Kinds = new[] { "no-such-kind" }, ExpertWeight = 120, VotesPerDay = 0,
            CollectFrom = "2026-11-01T08:00:00+08:00", ScreenFrom = "2026-10-01T08:00:00+08:00",
            JudgeFrom = "2026-11-25T08:00:00+08:00", PublicityFrom = "2026-12-10T08:00:00+08:00", ResultsFrom = "2026-12-17T08:00:00+08:00",
        });
        var error = await Error(response, HttpStatusCode.BadRequest);
        Assert.Equal("活动标题不能为空 (Title is required)", Text(error, "message"));
        var targets = error.GetProperty("details").EnumerateArray().Select(d => Text(d, "target")).ToList();
        Assert.Equal(["Title", "ExpertWeight", "VotesPerDay", "ResultsFrom", "Kinds", "RubricId"], targets);
        var wrongType = await Error(await Organiser.PostAsJsonAsync("/odata/Contests", new { CollectFrom = "明天" }), HttpStatusCode.BadRequest);
        Assert.Equal("CollectFrom", Text(wrongType, "target"));
        await Error(await Teacher().PostAsJsonAsync("/odata/Contests", new { CollectFrom = "明天" }), HttpStatusCode.Forbidden);
    }
}

public sealed class SqliteContestScenarioTests() : ContestScenarioTests(DatabaseOptions.Sqlite)
{
    [Fact] public Task Whole_contest() => Contest_runs_from_entries_to_nominated_winners();
    [Fact] public Task Disqualification() => Disqualified_entry_leaves_the_ranking_with_its_reason_in_the_audit();
    [Fact] public Task Bad_settings() => Bad_settings_are_refused_with_every_field_named();
}

[Trait("Provider", "postgres")]
public sealed class PostgresContestScenarioTests() : ContestScenarioTests(DatabaseOptions.Postgres)
{
    [PostgresFact] public Task Whole_contest() => Contest_runs_from_entries_to_nominated_winners();
    [PostgresFact] public Task Disqualification() => Disqualified_entry_leaves_the_ranking_with_its_reason_in_the_audit();
    [PostgresFact] public Task Bad_settings() => Bad_settings_are_refused_with_every_field_named();
}
