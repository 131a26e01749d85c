using System.Net;
using System.Net.Http.Json;
using ResourceHub.Data;

namespace ResourceHub.Api.Tests.Contests;

/// <summary>
/// Every contest action × role over HTTP. The contest is organised by the city (hf-edu); the province admin
/// above it may organise too, a county admin below it may not. Each row acts on state made for it, so an
/// allowed call never changes what the next row sees.
/// </summary>
public sealed class ContestAuthorizationTests() : ContestApi(DatabaseOptions.Sqlite)
{
    private const HttpStatusCode Ok = HttpStatusCode.OK;
    private const HttpStatusCode Forbidden = HttpStatusCode.Forbidden;

    private HttpClient Who(string who) => who switch
    {
        "organiser" => Organiser,
        "province admin" => Admin("root", "ah-edu"),
        "county admin" => Admin("cathy", "bh-edu"),
        "vendor admin" => Admin("vic", "acme"),
        "entrant vendor" => Vendor,
        "vendor colleague" => Api.ClientAs("bob", "vendor", "acme"),
        "teacher" => Teacher(),
        "teacher elsewhere" => Api.ClientAs("tess", "teacher", "ys-edu"),
        "outside teacher" => Api.ClientAs("pat", "teacher", "ah-edu"),
        "math expert" => Expert("eve", "ys-edu"),
        "conflicted expert" => Expert("sam", "acme"),
        "workshop host" => Host,
        _ => throw new ArgumentOutOfRangeException(nameof(who), who, null),
    };

    private static readonly string[] NonOrganisers =
        ["county admin", "vendor admin", "entrant vendor", "teacher", "math expert", "workshop host"];

    /// <summary>Runs the action once per row on what <paramref name="arrange"/> makes for that row.</summary>
    private async Task CheckAsync(string action, Func<Task<(string Contest, object? Body)>> arrange, params (string Who, HttpStatusCode Expected)[] rows)
    {
        foreach (var (who, expected) in rows)
        {
            var (contest, body) = await arrange();
            var response = action.EndsWith("()")
                ? await Who(who).GetAsync($"{contest}/{action}")
                : await Act(Who(who), contest, action, body);
            Assert.True(expected == response.StatusCode,
                $"{who} {action}: expected {(int)expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static (string, HttpStatusCode)[] OrganisersOnly(HttpStatusCode allowed = Ok) =>
        [("organiser", allowed), ("province admin", allowed), .. NonOrganisers.Select(w => (w, Forbidden))];

    [Fact]
    public async Task Create()
    {
        foreach (var (who, expected) in new[]
                 {
                     ("organiser", HttpStatusCode.Created), ("province admin", HttpStatusCode.Created), ("county admin", HttpStatusCode.Created),
                     ("vendor admin", Forbidden), ("entrant vendor", Forbidden), ("teacher", Forbidden), ("math expert", Forbidden),
                     ("workshop host", Forbidden),
                 })
        {
            var response = await Who(who).PostAsJsonAsync("/odata/Contests", Settings());
            Assert.True(expected == response.StatusCode, $"{who} create: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public Task Advance() => CheckAsync("Advance", async () => (await NewContestAsync(), null), OrganisersOnly());

    [Fact]
    public async Task Screen()
    {
        var contest = await NewContestAsync();
        var entry = await EnterAsync(Vendor, contest, await PublishedAsync());
        await AdvanceAsync(contest, "screening");
        await CheckAsync("Screen", () => Task.FromResult<(string, object?)>((contest, new { entryId = entry, eligible = true })), OrganisersOnly());
    }

    [Fact]
    public async Task Disqualify()
    {
        var shared = await VotingContestAsync();
        var body = (object)new { entryId = shared.EntryA, reason = "经查为抄袭作品" };
        await CheckAsync("Disqualify", () => Task.FromResult<(string, object?)>((shared.Contest, body)),
            NonOrganisers.Select(w => (w, Forbidden)).ToArray());
        await CheckAsync("Disqualify", async () =>
        {
            var fresh = await VotingContestAsync();
            return (fresh.Contest, new { entryId = fresh.EntryA, reason = "经查为抄袭作品" });
        }, ("organiser", Ok), ("province admin", Ok));
    }

    [Fact]
    public async Task Award_NominateWinners_FlaggedVotes_and_Results()
    {
        var (contest, a, _) = await VotingContestAsync();
        await Json(await Act(Teacher(), contest, "Vote", new { entryId = a }));
        // Before 公示 only the organisers see results; the others learn only that they are not out yet.
        await CheckAsync("Results()", () => Task.FromResult<(string, object?)>((contest, null)),
            [("organiser", Ok), ("province admin", Ok), .. NonOrganisers.Select(w => (w, HttpStatusCode.Conflict))]);
        await AdvanceAsync(contest, "publicity");
        var same = () => Task.FromResult<(string, object?)>((contest, null));
        await CheckAsync("Results()", same, [("organiser", Ok), .. NonOrganisers.Select(w => (w, Ok))]);
        await CheckAsync("FlaggedVotes()", same, OrganisersOnly());
        await CheckAsync("Award", same, OrganisersOnly());
        await CheckAsync("NominateWinners", () => Task.FromResult<(string, object?)>((contest, new { level = "school", reason = "获奖" })),
            [.. NonOrganisers.Select(w => (w, Forbidden)), ("organiser", Ok)]);
    }

    [Fact]
    public async Task Enter()
    {
        await CheckAsync("Enter", async () => (await NewContestAsync(), new { resourceId = IdOf(await PublishedAsync()) }),
            ("entrant vendor", Ok), ("vendor colleague", Ok), ("teacher", Forbidden), ("math expert", Forbidden), ("workshop host", Forbidden),
            ("organiser", Forbidden), ("vendor admin", Forbidden));
        // A teacher enters their own contribution; another teacher cannot even see it.
        var own = await CreateAsync(Teacher(), extra: new { TrainingProject = "2026 国培计划" });
        await CheckAsync("Enter", async () => (await NewContestAsync(), new { resourceId = IdOf(own) }),
            ("teacher", Ok), ("teacher elsewhere", HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task Score()
    {
        var (contest, a, _) = await VotingContestAsync();
        await CheckAsync("Score", () => Task.FromResult<(string, object?)>((contest, ScoreBody(a, 0.8))),
            ("conflicted expert", Forbidden), ("teacher", Forbidden), ("entrant vendor", Forbidden), ("organiser", Forbidden),
            ("workshop host", Forbidden), ("math expert", Ok));
    }

    [Fact]
    public async Task Vote()
    {
        var (contest, a, _) = await VotingContestAsync();
        await CheckAsync("Vote", () => Task.FromResult<(string, object?)>((contest, new { entryId = a })),
            ("entrant vendor", Forbidden), ("vendor colleague", Forbidden), ("vendor admin", Forbidden), ("outside teacher", Forbidden),
            ("teacher", Ok), ("teacher elsewhere", Ok), ("math expert", Ok), ("workshop host", Ok), ("organiser", Ok), ("county admin", Ok));
    }

    [Fact]
    public async Task Reads_entries_and_audit()
    {
        var (contest, _, _) = await VotingContestAsync();
        Assert.Equal(2, Strings(await Json(await Teacher().GetAsync($"{contest}/Entries")), "Id").Count);
        await Error(await Teacher().GetAsync($"{contest}/Audit"), Forbidden); // the history is public from 公示 on
        Assert.NotEmpty(Strings(await Json(await Organiser.GetAsync($"{contest}/Audit")), "Action"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.ClientAs(null).GetAsync(contest)).StatusCode);
    }
}
