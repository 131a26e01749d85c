using ResourceHub.Application.Identity;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Organizations;

namespace ResourceHub.Application.Statistics;

/// <summary>Turns what a caller asks for into a <see cref="StatsScope"/>, refusing non-admins and regions outside theirs.</summary>
public sealed class StatsScopes(ResourceHubDbContext db, OrganizationDirectory directory, TimeProvider clock)
{
    public async Task<StatsScope> ResolveAsync(Caller caller, StatsFilter filter, CancellationToken ct)
    {
        caller = await directory.ResolveAsync(caller, db, ct);
        if (!caller.IsAdmin)
            throw AppError.Forbidden("只有管理员可以查看统计 (only admins see statistics)");
        if (filter.From is { } f && filter.To is { } t && f > t)
            throw AppError.BadRequest("开始日期不能晚于结束日期 (from must not be after to)", "from");
        var tree = await directory.TreeAsync(db, ct);
        var code = string.IsNullOrWhiteSpace(filter.Org) ? null : filter.Org.Trim();
        if (code is null && !caller.Region.Everywhere)
            code = caller.OrgCode;
        Organization? node = null;
        if (code is not null)
        {
            node = caller.Region.Contains(code) ? tree.Find(code) : null;
            // An admin of an unregistered organisation still sees its own items.
            node ??= code == caller.OrgCode ? new Organization { Code = code, Name = code } : null;
            if (node is null)
                throw AppError.NotFound($"机构 {code} 不存在或不在您管辖的区域 (no such organisation in your region)");
        }
        var orgs = node is null ? null : tree.Subtree(node.Code);
        var today = ChinaMonths.DayOf(clock.GetUtcNow().UtcDateTime);
        return new StatsScope(tree, node, PathTo(tree, node, caller), orgs,
            filter.From is { } from ? ChinaMonths.StartUtc(from) : null,
            filter.To is { } to ? ChinaMonths.StartUtc(to.AddDays(1)) : null, today, caller.Region.Everywhere);
    }

    /// <summary>The node's ancestors within the caller's region, top first, ending with the node.</summary>
    private static IReadOnlyList<Organization> PathTo(OrganizationTree tree, Organization? node, Caller caller)
    {
        var path = new List<Organization>();
        for (var at = node; at is not null && path.Count <= OrganizationTree.MaxDepth; at = at.ParentCode is { } p ? tree.Find(p) : null)
        {
            path.Add(at);
            if (!caller.Region.Everywhere && at.Code == caller.OrgCode)
                break;
        }
        path.Reverse();
        return path;
    }
}
