using Microsoft.AspNetCore.Mvc;
using ResourceHub.Application.Curation;
using ResourceHub.Domain.Curation;
using ResourceHub.Web.Hosting;
using ResourceHub.Web.Rendering;

namespace ResourceHub.Web.Pages.Admin;

/// <summary>Recommendation quotas of the admin's region: list with usage, set a new one, change a maximum.</summary>
public sealed class QuotasModel(QuotaAdmin quotas, TimeProvider clock) : WorkPage
{
    public IReadOnlyList<RecommendationQuota> Items { get; private set; } = [];
    public string MyOrg { get; private set; } = "";

    [BindProperty] public QuotaForm Form { get; set; } = new();

    public sealed class QuotaForm
    {
        public string? Level { get; set; }
        public string? RegionCode { get; set; }
        public string? Subject { get; set; }
        public int? Year { get; set; }
        public int? MaxCount { get; set; }
    }

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        ShowDone(done);
        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) => SubmitAsync("/admin/quotas", async caller =>
    {
        var q = await quotas.CreateAsync(caller, new QuotaInput(Form.Level, Form.RegionCode, Form.Subject, Form.Year, Form.MaxCount), ct);
        return $"已设置 {q.Year} 年{Names.Subject(q.Subject)}{Names.Level(q.Level)}推荐名额 {q.MaxCount} 个。";
    }, ct);

    public Task<IActionResult> OnPostMaxAsync([FromForm] Guid id, [FromForm] int? maxCount, CancellationToken ct) => SubmitAsync("/admin/quotas", async caller =>
    {
        if (maxCount is null)
            throw CurationError.Invalid("请填写名额数 (MaxCount is required)", "MaxCount");
        var q = await quotas.SetMaxAsync(caller, id, maxCount, null, ct);
        return $"名额已改为 {q.MaxCount} 个。";
    }, ct);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var caller = await CallerAsync(ct);
        Items = await quotas.ListAsync(caller, ct);
        MyOrg = caller.OrgCode;
        Form.Year ??= clock.GetUtcNow().Year;
        Form.RegionCode ??= caller.OrgCode;
        ViewData["Title"] = "推荐名额";
    }
}
