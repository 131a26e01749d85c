using Microsoft.AspNetCore.Mvc;
using ResourceHub.Application.Identity;
using ResourceHub.Application.Organizations;
using ResourceHub.Domain.Organizations;
using ResourceHub.Web.Hosting;
using ResourceHub.Web.Rendering;

namespace ResourceHub.Web.Pages.Admin;

/// <summary>The people of the admin's region: add a local account, reset a password, lock or unlock, change the role.</summary>
public sealed class UsersModel(AccountAdmin accounts, OrganizationAdmin organizations) : WorkPage
{
    public IReadOnlyList<AccountRow> Items { get; private set; } = [];
    public IReadOnlyList<Organization> Orgs { get; private set; } = [];
    public string Me { get; private set; } = "";

    [BindProperty] public NewUserForm Form { get; set; } = new();

    public sealed class NewUserForm
    {
        public string? UserId { get; set; }
        public string? DisplayName { get; set; }
        public string? Role { get; set; }
        public string? OrgCode { get; set; }
        public List<string> Subjects { get; set; } = [];
        public string? Password { get; set; }
    }

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        ShowDone(done);
        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) => SubmitAsync("/admin/users", async caller =>
    {
        await accounts.AddAsync(caller, new NewAccount(Form.UserId?.Trim() ?? "", Form.DisplayName?.Trim() ?? "", Form.Role ?? "",
            Form.OrgCode ?? "", Form.Subjects, Form.Password ?? ""), ct);
        return $"已添加用户 {Form.UserId}。";
    }, ct);

    public Task<IActionResult> OnPostResetAsync([FromForm] string user, [FromForm] string? password, CancellationToken ct) =>
        SubmitAsync("/admin/users", async caller =>
        {
            await accounts.ResetPasswordAsync(caller, user, password ?? "", ct);
            return $"已重置 {user} 的密码。";
        }, ct);

    public Task<IActionResult> OnPostLockAsync([FromForm] string user, [FromForm] bool locked, CancellationToken ct) =>
        SubmitAsync("/admin/users", async caller =>
        {
            await accounts.SetLockedAsync(caller, user, locked, ct);
            return locked ? $"已锁定 {user}。" : $"已解锁 {user}。";
        }, ct);

    public Task<IActionResult> OnPostRoleAsync([FromForm] string user, [FromForm] string? role, CancellationToken ct) =>
        SubmitAsync("/admin/users", async caller =>
        {
            await accounts.SetRoleAsync(caller, user, role ?? "", null, ct);
            return $"已将 {user} 的角色改为{Names.Role(role ?? "")}，重新登录后生效。";
        }, ct);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var caller = await CallerAsync(ct);
        Items = await accounts.ListAsync(caller, ct);
        Orgs = await organizations.ListAsync(caller, ct);
        Me = caller.UserId;
        ViewData["Title"] = "用户管理";
    }
}
