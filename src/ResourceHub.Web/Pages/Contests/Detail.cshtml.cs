using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using ResourceHub.Application.Contests;
using ResourceHub.Application.Media;
using ResourceHub.Application.Resources;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Contests;
using ResourceHub.Domain.Resources;
using ResourceHub.Web.Hosting;
using ResourceHub.Web.Rendering;

namespace ResourceHub.Web.Pages.Contests;

/// <summary>
/// One contest: rules, phase with a countdown, the entries gallery with vote buttons, the results with every part of
/// the score, a trainee's entry form and the organisers' controls. Each form calls one use case, which decides.
/// </summary>
public sealed class DetailModel(
    ContestResults results, ContestEntering entering, ContestVoting voting, ContestOrganising organising,
    ResourceFacts facts, MediaLinks links, MarkdownRenderer markdown) : WorkPage
{
    [FromRoute] public Guid Id { get; set; }

    public Contest Contest { get; private set; } = null!;
    public IHtmlContent Rules { get; private set; } = HtmlString.Empty;
    public bool Organiser { get; private set; }
    public IReadOnlyList<EntryCard> Entries { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Thumbnails { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyDictionary<string, string> OrgNames { get; private set; } = new Dictionary<string, string>();
    /// <summary>Null while the results are not visible to the caller.</summary>
    public IReadOnlyList<ContestStanding>? Standings { get; private set; }
    public IReadOnlyList<ContestEvent> History { get; private set; } = [];
    /// <summary>Null when the caller has no entry form (not collecting, or a role that does not own resources).</summary>
    public IReadOnlyList<Resource>? Candidates { get; private set; }
    public DateTime Now { get; } = DateTime.UtcNow;

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        ShowDone(done);
        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostEnterAsync([FromForm] Guid resourceId, CancellationToken ct) =>
        SubmitAsync(Back, async caller =>
        {
            await entering.EnterAsync(caller, Id, resourceId, ct);
            return "报名成功，作品将在资格初审后参加评审与投票。";
        }, ct);

    public Task<IActionResult> OnPostVoteAsync([FromForm] Guid entryId, CancellationToken ct) =>
        SubmitAsync(Back, async caller =>
        {
            await voting.VoteAsync(caller, Id, entryId, ct);
            return "投票成功，感谢参与！";
        }, ct);

    public Task<IActionResult> OnPostAdvanceAsync([FromForm] string? reason, CancellationToken ct) =>
        SubmitAsync(Back, async caller =>
        {
            var contest = await organising.AdvanceAsync(caller, Id, reason, ct);
            return $"已进入“{ContestPhases.NameOf(contest.Phase)}”阶段。";
        }, ct);

    public Task<IActionResult> OnPostScreenAsync([FromForm] Guid entryId, [FromForm] bool eligible, [FromForm] string? reason, CancellationToken ct) =>
        SubmitAsync(Back, async caller =>
        {
            await organising.ScreenAsync(caller, Id, entryId, eligible, reason, ct);
            return eligible ? "已确认该作品通过资格初审。" : "已记录该作品未通过资格初审。";
        }, ct);

    public Task<IActionResult> OnPostDisqualifyAsync([FromForm] Guid entryId, [FromForm] string? reason, CancellationToken ct) =>
        SubmitAsync(Back, async caller =>
        {
            await organising.DisqualifyAsync(caller, Id, entryId, reason, ct);
            return "已取消该作品的参评资格，理由已记入评选过程记录。";
        }, ct);

    public Task<IActionResult> OnPostAwardAsync(CancellationToken ct) =>
        SubmitAsync(Back, async caller =>
        {
            await organising.AwardAsync(caller, Id, null, null, null, ct);
            return "已按排名评定奖项。";
        }, ct);

    public Task<IActionResult> OnPostNominateAsync([FromForm] string? level, [FromForm] string? reason, CancellationToken ct) =>
        SubmitAsync(Back, async caller =>
        {
            var done = await organising.NominateWinnersAsync(caller, Id, level, reason, ct);
            var problems = done.Where(d => !d.Nominated).Select(d => d.Problem).ToList();
            return $"{done.Count(d => d.Nominated)}/{done.Count} 件获奖作品已推优到{Names.Level(level)}。" +
                   (problems.Count == 0 ? "" : "未能推优：" + string.Join("；", problems));
        }, ct);

    private string Back => $"/contests/{Id}";

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var caller = await CallerAsync(ct);
        Contest = await results.ContestAsync(caller, Id, ct);
        Rules = markdown.Render(Contest.Rules);
        Organiser = await results.OrganisesAsync(caller, Contest, ct);
        Entries = await results.GalleryAsync(caller, Id, ct);
        var ids = Entries.Select(e => e.Entry.ResourceId).ToList();
        var renditions = await facts.RenditionsAsync(ids, ct);
        Thumbnails = ids.Where(id => renditions[id].Any(r => r.Kind == SignedMedia.Thumbnail))
            .ToDictionary(id => id, id => links.Url(id, caller.UserId, SignedMedia.Thumbnail));
        var orgs = new Dictionary<string, string>();
        foreach (var code in Entries.Select(e => e.Entry.EntrantOrg).Distinct())
            orgs[code] = await facts.OrganizationNameAsync(code, ct) ?? code;
        OrgNames = orgs;
        if (Organiser || ContestPhases.ResultsPublic(Contest.Phase))
        {
            Standings = (await results.ResultsAsync(caller, Id, ct)).Standings;
            History = await results.HistoryAsync(caller, Id, ct);
        }
        if (Contest.Phase == ContestPhases.Collecting && caller.Role is Roles.Teacher or Roles.Vendor)
            Candidates = await entering.CandidatesAsync(caller, Id, ct);
        ViewData["Title"] = Contest.Title;
    }

    public string OrgName(string code) => OrgNames.GetValueOrDefault(code, code);

    /// <summary>"3 天 4 小时 12 分" until <paramref name="end"/>; the page's script keeps it ticking.</summary>
    public static string Remaining(DateTime end, DateTime now)
    {
        var left = end - now;
        if (left <= TimeSpan.Zero)
            return "已到计划结束时间";
        return left.Days > 0 ? $"{left.Days} 天 {left.Hours} 小时 {left.Minutes} 分" : $"{left.Hours} 小时 {left.Minutes} 分";
    }

    public static string StatusName(string status) => status switch
    {
        EntryStatus.Entered => "待初审",
        EntryStatus.Eligible => "通过初审",
        EntryStatus.Ineligible => "未通过初审",
        EntryStatus.Disqualified => "已取消资格",
        _ => status,
    };

    public static string ActionName(string action) => action switch
    {
        ContestActions.Create => "创建活动",
        ContestActions.Advance => "推进阶段",
        ContestActions.Enter => "报名",
        ContestActions.Eligible => "初审通过",
        ContestActions.Ineligible => "初审未通过",
        ContestActions.Disqualify => "取消资格",
        ContestActions.Award => "评定奖项",
        ContestActions.Nominate => "获奖作品推优",
        _ => action,
    };
}
