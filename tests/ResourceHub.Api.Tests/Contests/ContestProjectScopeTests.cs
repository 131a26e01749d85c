using System.Net;
using ResourceHub.Data;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Contests;

/// <summary>
/// A contest of one training project: only that project's resources are entered, and only the project's participants
/// (who contributed a resource of it) vote; a contest without a project is open to everyone in the region.
/// </summary>
public abstract class ContestProjectScopeTests(string provider) : ContestApi(provider)
{
    private const string Project = "2026 国培计划 · 小学数学";

    protected async Task Only_the_projects_resources_enter_and_only_its_participants_vote()
    {
        var contest = await NewContestAsync(trainingProject: Project);
        var inProject = await CreateAsync(Teacher(), extra: new { TrainingProject = Project });
        var otherProject = await CreateAsync(Teacher(), extra: new { TrainingProject = "2025 国培计划" });
        var entry = await EnterAsync(Teacher(), contest, inProject);
        foreach (var (who, item) in new[] { (Teacher(), otherProject), (Vendor, await PublishedAsync()) })
        {
            var refused = await Error(await Act(who, contest, "Enter", new { resourceId = IdOf(item) }), HttpStatusCode.BadRequest);
            Assert.StartsWith($"本活动只征集培训项目“{Project}”的生成性资源", refused.GetProperty("message").GetString());
        }

        await AdvanceAsync(contest, "screening");
        await Json(await Act(Organiser, contest, "Screen", new { entryId = entry, eligible = true }));
        await AdvanceAsync(contest, "judging");

        // In the region but not in the project: refused, the organiser included; taking part opens the vote.
        var tess = Api.ClientAs("tess", "teacher", "ys-edu");
        foreach (var outsider in new[] { tess, Organiser })
        {
            var refused = await Error(await Act(outsider, contest, "Vote", new { entryId = entry }), HttpStatusCode.Forbidden);
            Assert.StartsWith($"本活动只限培训项目“{Project}”的参训教师投票", refused.GetProperty("message").GetString());
        }
        await CreateAsync(tess, extra: new { TrainingProject = Project });
        await Json(await Act(tess, contest, "Vote", new { entryId = entry }));
        // Taking part in the project does not let a voter from outside the region in.
        var pat = Api.ClientAs("pat", "teacher", "ah-edu");
        await CreateAsync(pat, extra: new { TrainingProject = Project });
        await Error(await Act(pat, contest, "Vote", new { entryId = entry }), HttpStatusCode.Forbidden);

        // The same people vote in a contest without a project (the region is its only scope).
        var (open, a, _) = await VotingContestAsync();
        await Json(await Act(Organiser, open, "Vote", new { entryId = a }));
    }
}

public sealed class SqliteContestProjectScopeTests() : ContestProjectScopeTests(DatabaseOptions.Sqlite)
{
    [Fact] public Task Project_scope() => Only_the_projects_resources_enter_and_only_its_participants_vote();
}

[Trait("Provider", "postgres")]
public sealed class PostgresContestProjectScopeTests() : ContestProjectScopeTests(DatabaseOptions.Postgres)
{
    [PostgresFact] public Task Project_scope() => Only_the_projects_resources_enter_and_only_its_participants_vote();
}
