using Microsoft.AspNetCore.Mvc;
using ResourceHub.Application.Organizations;
using ResourceHub.Domain.Organizations;
using ResourceHub.Web.Hosting;

namespace ResourceHub.Web.Pages.Admin;

/// <summary>The organisations of the admin's region, and a new one below their own.</summary>
public sealed class OrganizationsModel(OrganizationAdmin organizations) : WorkPage
{
    public IReadOnlyList<Organization> Items { get; private set; } = [];
    public string? MyOrg { get; private set; }

    [BindProperty] public OrganizationForm Form { get; set; } = new();

    public sealed class OrganizationForm
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? Kind { get; set; }
        public string? Tier { get; set; }
        public string? ParentCode { get; set; }
    }

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        ShowDone(done);
        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SubmitAsync("/admin/organizations", async caller =>
    {
        var org = await organizations.CreateAsync(caller, new OrganizationInput(Form.Code, Form.Name, Form.Kind, Form.Tier, Form.ParentCode), ct);
        return $"已新建机构 {org.Name}（{org.Code}）。";
    }, ct);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var caller = await CallerAsync(ct);
        Items = await organizations.ListAsync(caller, ct);
        MyOrg = caller.OrgCode;
        Form.ParentCode ??= caller.OrgCode;
    }
}
