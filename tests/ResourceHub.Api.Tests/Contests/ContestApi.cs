using System.Net.Http.Json;
using System.Text.Json;
using ResourceHub.Api.Tests.Curation;
using ResourceHub.Domain.Curation;

namespace ResourceHub.Api.Tests.Contests;

/// <summary>
/// The curation fixture (province → city → county → school, a vendor, a second county) plus helpers to run a
/// contest over HTTP. The city admin cy (hf-edu) organises; everything seeded below the province is in scope.
/// </summary>
public abstract class ContestApi(string provider) : CurationApi(provider)
{
    protected HttpClient Organiser => Admin("cy", "hf-edu");

    protected static object Settings(int expertWeight = 70, int votesPerDay = 1, string? trainingProject = null) => new
    {
        Title = "2026 年“我的好课”微课评选",
        Rules = "## 征集范围\n合肥市中小学教师的原创微课。",
        Kinds = new[] { "micro-lesson" },
        Subjects = new[] { "math" },
        Stages = new[] { "primary" },
        RubricId = SeedRubrics.LessonRubricId,
        CollectFrom = "2026-11-01T08:00:00+08:00",
        ScreenFrom = "2026-11-20T08:00:00+08:00",
        JudgeFrom = "2026-11-25T08:00:00+08:00",
        PublicityFrom = "2026-12-10T08:00:00+08:00",
        ResultsFrom = "2026-12-17T08:00:00+08:00",
        ExpertWeight = expertWeight,
        FirstPrizes = 1,
        SecondPrizes = 1,
        ThirdPrizes = 0,
        ExcellencePrizes = 1,
        VotesPerDay = votesPerDay,
        TrainingProject = trainingProject,
    };

    /// <summary>Creates a contest as the organiser; returns its URL.</summary>
    protected async Task<string> NewContestAsync(int expertWeight = 70, int votesPerDay = 1, string? trainingProject = null)
    {
        var created = await Organiser.PostAsJsonAsync("/odata/Contests", Settings(expertWeight, votesPerDay, trainingProject));
        await Json(created);
        return created.Headers.Location!.ToString();
    }

    protected static string IdOf(string location) => location[(location.IndexOf('(') + 1)..location.IndexOf(')')];

    protected static string Text(JsonElement e, string property) => e.GetProperty(property).ToString();

    protected async Task<string> EnterAsync(HttpClient owner, string contest, string resource) =>
        Text(await Json(await Act(owner, contest, "Enter", new { resourceId = IdOf(resource) })), "Id");

    protected async Task AdvanceAsync(string contest, string expectedPhase)
    {
        var advanced = await Json(await Act(Organiser, contest, "Advance"));
        Assert.Equal(expectedPhase, Text(advanced, "Phase"));
    }

    /// <summary>A contest in the voting phase with two published vendor items entered and found eligible.</summary>
    protected async Task<(string Contest, string EntryA, string EntryB)> VotingContestAsync(int votesPerDay = 1)
    {
        var contest = await NewContestAsync(votesPerDay: votesPerDay);
        var a = await EnterAsync(Vendor, contest, await PublishedAsync());
        var b = await EnterAsync(Vendor, contest, await PublishedAsync());
        await AdvanceAsync(contest, "screening");
        foreach (var entry in new[] { a, b })
            await Json(await Act(Organiser, contest, "Screen", new { entryId = entry, eligible = true }));
        await AdvanceAsync(contest, "judging");
        return (contest, a, b);
    }

    /// <summary>Scores for the seeded lesson rubric, as Review takes them.</summary>
    protected static object ScoreBody(string entry, double fraction) => new
    {
        entryId = entry,
        scores = LessonCriteria.Select(c => new { Criterion = c.Name, Points = Math.Round(c.Max * fraction) }).ToArray(),
        comment = "选题新颖",
    };
}
