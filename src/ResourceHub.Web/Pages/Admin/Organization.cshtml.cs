using Microsoft.AspNetCore.Mvc;
using ResourceHub.Application.Organizations;
using ResourceHub.Domain.Organizations;
using ResourceHub.Web.Hosting;

namespace ResourceHub.Web.Pages.Admin;

/// <summary>One organisation of the admin's region: rename it, change its kind or tier, or delete it when unused.</summary>
public sealed class OrganizationModel(OrganizationAdmin organizations) : WorkPage
{
    [FromRoute] public string Code { get; set; } = "";
    public Organization? Item { get; private set; }

    [BindProperty] public EditForm Form { get; set; } = new();

    public sealed class EditForm
    {
        public string? Name { get; set; }
        public string? Kind { get; set; }
        public string? Tier { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Form = new EditForm { Name = Item!.Name, Kind = Item.Kind, Tier = Item.Tier };
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SubmitAsync("/admin/organizations", async caller =>
    {
        var org = await organizations.UpdateAsync(caller, Code, o =>
        {
            o.Name = Form.Name?.Trim() ?? "";
            o.Kind = Form.Kind ?? "";
            o.Tier = Form.Tier ?? "";
        }, ct);
        return $"已保存机构 {org.Name}（{org.Code}）。";
    }, ct);

    public Task<IActionResult> OnPostDeleteAsync(CancellationToken ct) => SubmitAsync("/admin/organizations", async caller =>
    {
        await organizations.DeleteAsync(caller, Code, ct);
        return $"已删除机构 {Code}。";
    }, ct);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var caller = await CallerAsync(ct);
        Item = (await organizations.ListAsync(caller, ct)).FirstOrDefault(o => o.Code == Code)
               ?? throw Application.AppError.NotFound($"您管辖的区域中没有机构 {Code} (no such organisation in your region)");
        ViewData["Title"] = $"机构：{Item.Name}";
    }
}
