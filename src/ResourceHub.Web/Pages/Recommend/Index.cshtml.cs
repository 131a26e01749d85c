using Microsoft.AspNetCore.Mvc;
using ResourceHub.Application.Curation;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;
using ResourceHub.Web.Hosting;

namespace ResourceHub.Web.Pages.Recommend;

/// <summary>推优: hosts nominate live items for their next level; admins recommend them one level up within their quota.</summary>
public sealed class IndexModel(Recommendations recommendations) : WorkPage
{
    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];
    public IReadOnlyList<RecommendationQuota> Quotas { get; private set; } = [];
    public bool IsHost { get; private set; }

    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        ShowDone(done);
        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostNominateAsync([FromForm] Guid id, [FromForm] string? level, [FromForm] string? reason, CancellationToken ct) =>
        SubmitAsync(Back, async caller =>
        {
            await recommendations.NominateAsync(caller, id, level, reason, null, ct);
            return "已推优，等待管理员审定。";
        }, ct);

    public Task<IActionResult> OnPostRecommendAsync([FromForm] Guid id, [FromForm] string? level, [FromForm] string? reason, CancellationToken ct) =>
        SubmitAsync(Back, async caller =>
        {
            await recommendations.RecommendAsync(caller, id, level, reason, null, ct);
            return $"已推荐为{Rendering.Names.Level(level)}资源。";
        }, ct);

    private string Back => "/recommend" + (string.IsNullOrWhiteSpace(Q) ? "" : "?q=" + Uri.EscapeDataString(Q));

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var caller = await CallerAsync(ct);
        IsHost = caller.Is(Roles.WorkshopHost);
        Candidates = await recommendations.CandidatesAsync(caller, Q, ct);
        Quotas = await recommendations.QuotaUsageAsync(caller, ct);
        ViewData["Title"] = "推优与推荐";
    }
}
