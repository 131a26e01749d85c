using ResourceHub.Domain.Organizations;

namespace ResourceHub.Domain.Access;

/// <summary>
/// The organisations as a tree (ParentCode chains), for the admin region rule:
/// <list type="bullet">
/// <item>an admin of a root organisation (no ParentCode) that is not a vendor is the platform administrator: its region is everything;</item>
/// <item>an admin of a school or regional body manages its organisation and every organisation below it;</item>
/// <item>an admin of a vendor, or of an organisation that is not registered, manages only its own organisation.</item>
/// </list>
/// </summary>
public sealed class OrganizationTree
{
    /// <summary>Deeper than any real hierarchy (province → city → county → school); stops a ParentCode cycle.</summary>
    public const int MaxDepth = 8;

    private readonly Dictionary<string, Organization> _byCode;
    private readonly ILookup<string, string> _children;

    public OrganizationTree(IEnumerable<Organization> organizations)
    {
        _byCode = organizations.GroupBy(o => o.Code).ToDictionary(g => g.Key, g => g.First());
        _children = _byCode.Values.Where(o => o.ParentCode is not null).ToLookup(o => o.ParentCode!, o => o.Code);
    }

    public Organization? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>The organisations directly below <paramref name="code"/>, by code.</summary>
    public IReadOnlyList<Organization> Children(string code) => _children[code].Order(StringComparer.Ordinal).Select(c => _byCode[c]).ToList();

    /// <summary>The organisations with no registered parent, by code (the tops of the tree).</summary>
    public IReadOnlyList<Organization> Roots() =>
        _byCode.Values.Where(o => o.ParentCode is null || !_byCode.ContainsKey(o.ParentCode)).OrderBy(o => o.Code, StringComparer.Ordinal).ToList();

    public bool IsPlatformOrg(string code) => Find(code) is { ParentCode: null, Kind: not Kinds.Vendor };

    /// <summary>The caller with its admin region filled in (unchanged for non-admins).</summary>
    public Caller Resolve(Caller caller) => caller.IsAdmin ? caller with { Region = RegionOf(caller.OrgCode) } : caller;

    public AdminRegion RegionOf(string adminOrg)
    {
        if (IsPlatformOrg(adminOrg))
            return AdminRegion.Platform;
        if (Find(adminOrg) is not { Kind: not Kinds.Vendor })
            return new AdminRegion(false, [adminOrg]);
        return new AdminRegion(false, Subtree(adminOrg));
    }

    /// <summary>The organisation and all below it, the organisation first.</summary>
    public IReadOnlyList<string> Subtree(string code)
    {
        var found = new List<string> { code };
        var seen = new HashSet<string> { code };
        var level = new List<string> { code };
        for (var depth = 0; depth < MaxDepth && level.Count > 0; depth++)
        {
            level = level.SelectMany(c => _children[c]).Where(seen.Add).ToList();
            found.AddRange(level);
        }
        return found;
    }

    public static class Kinds
    {
        public const string Vendor = "vendor";
    }
}
