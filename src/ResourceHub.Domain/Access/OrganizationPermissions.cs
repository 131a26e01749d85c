using ResourceHub.Domain.Organizations;

namespace ResourceHub.Domain.Access;

/// <summary>
/// Who may create, change and delete organisations: the platform administrator any; an admin of a school or
/// region those strictly below its own, kept inside its region and at most at its own tier (so no admin can
/// widen its own region or lift an organisation above itself); vendor admins none.
/// </summary>
public static class OrganizationPermissions
{
    private static readonly string[] TiersTopDown = ["province", "city", "county", "school"];

    /// <summary>Why the caller may not write <paramref name="org"/> as given (its ParentCode and Tier as they would be), or null.</summary>
    public static string? Denial(Caller caller, OrganizationTree tree, Organization org, bool exists)
    {
        if (!caller.IsAdmin)
            return "只有管理员可以维护机构 (only admins create, change or delete organisations)";
        if (org.ParentCode is { } parent && exists && tree.Subtree(org.Code).Contains(parent))
            return "上级机构不能是本机构或其下级 (ParentCode would make a cycle)";
        var region = caller.Region;
        if (region.Everywhere)
            return null;
        if (tree.Find(caller.OrgCode) is not { Kind: not OrganizationTree.Kinds.Vendor })
            return "供应商或未登记机构的管理员不能维护机构 (admins of vendors or unregistered organisations manage no organisations)";
        if (org.Code == caller.OrgCode || !region.Contains(exists ? org.Code : org.ParentCode))
            return "只能维护您管辖区域内、本机构以下的机构 (you manage only organisations below your own, inside your region)";
        if (org.ParentCode is null || !region.Contains(org.ParentCode))
            return "上级机构须在您管辖的区域内 (ParentCode must be inside your region)";
        if (Rank(org.Tier) < Rank(tree.Find(caller.OrgCode)?.Tier))
            return "不能设置高于本机构的层级 (Tier cannot be above your own organisation's)";
        return null;
    }

    /// <summary>0 for the top tier; an unknown tier ranks below all.</summary>
    private static int Rank(string? tier) => Array.IndexOf(TiersTopDown, tier) is var i and >= 0 ? i : TiersTopDown.Length;
}
