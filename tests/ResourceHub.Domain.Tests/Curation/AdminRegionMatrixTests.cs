using ResourceHub.Domain.Access;
using ResourceHub.Domain.Courses;
using ResourceHub.Domain.Organizations;
using ResourceHub.Domain.Resources;
using static ResourceHub.Domain.Tests.Curation.Fixtures;

namespace ResourceHub.Domain.Tests.Curation;

/// <summary>
/// The admin region rule (README "Security model") per role × operation × item in or out of the caller's
/// region: reading a draft (and so downloading its file), editing and deleting it, its course, creating for
/// an organisation, and managing organisations. Items: acme's draft (vendor under county bh-edu) and a
/// draft of school ys-no1 (under the other county ys-edu); both counties are in city hf-edu of province ah-edu,
/// the root, whose admin is the platform administrator.
/// </summary>
public sealed class AdminRegionMatrixTests
{
    private static readonly Organization OtherSchool = new() { Code = "ys-no1", Kind = "school", Tier = "school", ParentCode = "ys-edu" };
    private static readonly Organization Lumen = new() { Code = "lumen", Kind = "vendor", Tier = "province", ParentCode = "ah-edu" };
    private static readonly OrganizationTree Tree = new([Province, City, County, OtherCounty, School, Vendor, OtherSchool, Lumen]);

    public enum Op { ReadDraft, Modify, ModifyCourse, CreateFor }

    private static Caller Who(string role, string org, string user = "u") => Tree.Resolve(new Caller(user, user, role, org, ["math"]));

    /// <summary>(case, caller, may it do each operation to acme's draft, and to ys-no1's draft).</summary>
    private static readonly (string Case, Caller Caller, Op[] OnAcme, Op[] OnOtherSchool)[] Rows =
    [
        ("platform admin (root province)", Who(Roles.Admin, "ah-edu"), All, All),
        ("city admin", Who(Roles.Admin, "hf-edu"), All, All),
        ("county admin of acme's county", Who(Roles.Admin, "bh-edu"), All, []),
        ("admin of the other county", Who(Roles.Admin, "ys-edu"), [], All),
        ("school admin", Who(Roles.Admin, "bh-no1"), [], []),
        ("admin of ys-no1", Who(Roles.Admin, "ys-no1"), [], All),
        ("vendor admin of acme", Who(Roles.Admin, "acme"), All, []),
        ("vendor admin of lumen", Who(Roles.Admin, "lumen"), [], []),
        ("admin of an unregistered org", Who(Roles.Admin, "nowhere"), [], []),
        ("vendor of acme", Who(Roles.Vendor, "acme"), [Op.ReadDraft, Op.Modify, Op.ModifyCourse, Op.CreateFor], []),
        ("vendor of lumen", Who(Roles.Vendor, "lumen"), [], []),
        ("teacher of ys-no1", Who(Roles.Teacher, "ys-no1"), [], [Op.CreateFor]),
        ("expert", Who(Roles.Expert, "hf-edu"), [], []),
    ];

    private static Op[] All => Enum.GetValues<Op>();

    public static TheoryData<string, string, Op, bool> Matrix()
    {
        var data = new TheoryData<string, string, Op, bool>();
        foreach (var row in Rows)
            foreach (var op in All)
            {
                data.Add(row.Case, "acme", op, row.OnAcme.Contains(op));
                data.Add(row.Case, "ys-no1", op, row.OnOtherSchool.Contains(op));
            }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Role_and_region_decide(string @case, string owner, Op op, bool allowed)
    {
        var caller = Rows.Single(r => r.Case == @case).Caller;
        var draft = new Resource { Id = Guid.NewGuid(), OwnerOrg = owner, CreatedBy = "someone", Status = ResourceStatus.Draft, Subject = "math" };
        var course = new Course { OwnerOrg = owner, CreatedBy = "someone" };
        var scope = VisibilityScope.For(caller);
        var may = op switch
        {
            Op.ReadDraft => scope.Allows(draft) && scope.ToExpression().Compile()(draft),
            Op.Modify => ResourcePermissions.CanModify(caller, draft),
            Op.ModifyCourse => CoursePermissions.CanModify(caller, course),
            _ => ResourcePermissions.CanCreateFor(caller, owner),
        };
        Assert.True(allowed == may, $"{@case} {(allowed ? "should" : "should not")} {op} on {owner}'s draft");
    }

    [Fact]
    public void Everyone_reads_published_items_whatever_their_region()
    {
        var published = new Resource { OwnerOrg = "ys-no1", CreatedBy = "x", Status = ResourceStatus.Published };
        foreach (var row in Rows)
            Assert.True(VisibilityScope.For(row.Caller).Allows(published), row.Case);
    }

    [Fact]
    public void Only_the_admin_of_a_root_non_vendor_organisation_is_the_platform_administrator()
    {
        Assert.True(Who(Roles.Admin, "ah-edu").Region.Everywhere);
        Assert.True(VisibilityScope.For(Who(Roles.Admin, "ah-edu")).All);
        var rootVendor = new OrganizationTree([new Organization { Code = "solo", Kind = "vendor", Tier = "province" }]);
        Assert.Equal(["solo"], rootVendor.RegionOf("solo").Orgs);
        Assert.False(rootVendor.RegionOf("solo").Everywhere);
        Assert.False(Who(Roles.Teacher, "ah-edu").Region.Everywhere); // only admins get a region
        Assert.Equal(["hf-edu", "bh-edu", "ys-edu", "bh-no1", "acme", "ys-no1"], Who(Roles.Admin, "hf-edu").Region.Orgs);
    }

    [Fact]
    public void A_parent_code_cycle_does_not_hang_the_region()
    {
        var tree = new OrganizationTree([new Organization { Code = "a", Kind = "region", ParentCode = "b" }, new Organization { Code = "b", Kind = "region", ParentCode = "a" }]);
        Assert.Equal(["a", "b"], tree.RegionOf("a").Orgs);
    }

    public static TheoryData<string, string, string, string?, string, bool, bool> Organizations() => new()
    {
        // case, admin org, target code, ParentCode as it would be, tier, exists, allowed
        { "platform creates a root", "ah-edu", "new", null, "province", false, true },
        { "city creates a school under its county", "hf-edu", "new", "bh-edu", "school", false, true },
        { "city creates a city-tier body under itself", "hf-edu", "new", "hf-edu", "city", false, true },
        { "city creates a province-tier body", "hf-edu", "new", "hf-edu", "province", false, false },
        { "county creates under the other county", "bh-edu", "new", "ys-edu", "school", false, false },
        { "county creates a root", "bh-edu", "new", null, "school", false, false },
        { "county changes its school", "bh-edu", "bh-no1", "bh-edu", "school", true, true },
        { "county moves its school out of its region", "bh-edu", "bh-no1", "ys-edu", "school", true, false },
        { "county changes itself", "bh-edu", "bh-edu", "hf-edu", "county", true, false },
        { "county detaches itself to become root", "bh-edu", "bh-edu", null, "county", true, false },
        { "county changes the other county's school", "bh-edu", "ys-no1", "ys-edu", "school", true, false },
        { "platform makes a cycle", "ah-edu", "hf-edu", "bh-edu", "city", true, false },
        { "vendor admin changes its own org", "acme", "acme", "bh-edu", "county", true, false },
        { "vendor admin creates under itself", "acme", "new", "acme", "school", false, false },
    };

    [Theory]
    [MemberData(nameof(Organizations))]
    public void Organisations_are_managed_below_ones_own_inside_the_region(string @case, string adminOrg, string code, string? parent,
        string tier, bool exists, bool allowed)
    {
        var org = new Organization { Code = code, Kind = "region", Tier = tier, ParentCode = parent };
        var denial = OrganizationPermissions.Denial(Who(Roles.Admin, adminOrg), Tree, org, exists);
        Assert.True(allowed == (denial is null), $"{@case}: {denial ?? "allowed"}");
    }

    [Fact]
    public void Non_admins_manage_no_organisation() =>
        Assert.NotNull(OrganizationPermissions.Denial(Who(Roles.Vendor, "acme"), Tree,
            new Organization { Code = "x", Kind = "school", Tier = "school", ParentCode = "acme" }, exists: false));
}
