using ResourceHub.Domain.Access;
using ResourceHub.Web.Hosting;

namespace ResourceHub.Web.Pages.Admin;

/// <summary>管理: the admin's tasks, each scoped to their region.</summary>
public sealed class IndexModel : WorkPage
{
    public string RegionName { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var caller = await CallerAsync(ct);
        if (!caller.IsAdmin)
            throw Application.AppError.Forbidden("只有管理员可以进入管理页面 (only admins administer)");
        RegionName = caller.Region.Everywhere ? "全平台" : caller.OrgCode;
    }
}
