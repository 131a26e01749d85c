using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Organizations;
using static ResourceHub.Domain.Tests.Curation.Fixtures;
using V = ResourceHub.Domain.Curation.CurationVerb;

namespace ResourceHub.Domain.Tests.Curation;

/// <summary>
/// Every role × action × relation to the item. The item is alice's math micro-lesson, owned by the
/// vendor acme, which sits in county bh-edu of city hf-edu of province ah-edu.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    private static readonly Organization Lumen = new() { Code = "lumen", Kind = "vendor", Tier = "province", ParentCode = "ah-edu" };

    /// <summary>(case, actor, the level it recommends, the verbs it may use).</summary>
    private static readonly (string Case, Actor Actor, string Level, V[] May)[] Rows =
    [
        ("vendor uploader", As("alice", Roles.Vendor, Vendor), "school", [V.Submit]),
        ("vendor colleague, same org", As("bob", Roles.Vendor, Vendor), "school", [V.Submit]),
        ("vendor of another org", As("carol", Roles.Vendor, Lumen), "school", []),
        ("teacher who contributed it", As("alice", Roles.Teacher, School), "school", [V.Submit]),
        ("another teacher", As("tom", Roles.Teacher, School), "school", [V.Rate]),
        ("workshop host", As("hana", Roles.WorkshopHost, School), "school", [V.Nominate]),
        ("workshop host who made it", As("alice", Roles.WorkshopHost, School), "school", []),
        ("math expert elsewhere", As("eve", Roles.Expert, OtherCounty, "math"), "school", [V.Review]),
        ("physics expert", As("pete", Roles.Expert, OtherCounty, "physics"), "school", []),
        ("math expert of the same org", As("sam", Roles.Expert, Vendor, "math"), "school", []),
        ("math expert who made it", As("alice", Roles.Expert, OtherCounty, "math"), "school", []),
        ("county admin of the region", As("cathy", Roles.Admin, County), "county", [V.Recommend, V.Retire]),
        ("county admin recommending city level", As("cathy", Roles.Admin, County), "city", [V.Retire]),
        ("county admin elsewhere", As("olga", Roles.Admin, OtherCounty), "county", []),
        ("school admin outside the item's region", As("sue", Roles.Admin, School), "school", []),
        ("city admin", As("cy", Roles.Admin, City), "city", [V.Recommend, V.Retire]),
        ("province admin, national level", As("pat", Roles.Admin, Province), "national", [V.Recommend, V.Retire]),
        ("province admin, county level", As("pat", Roles.Admin, Province), "county", [V.Recommend, V.Retire]),
        ("county admin, school level", As("cathy", Roles.Admin, County), "school", [V.Recommend, V.Retire]),
        ("admin of a vendor", As("vic", Roles.Admin, Vendor), "school", []),
        ("admin without an org row", As("nob", Roles.Admin, null), "school", []),
        ("admin who uploaded it", As("alice", Roles.Admin, County), "county", [V.Retire]),
        ("platform admin (root organisation)", new Actor(new Caller("root", "root", Roles.Admin, "ah-edu", []) { Region = AdminRegion.Platform }, Province),
            "county", [V.Recommend, V.Retire, V.Transfer]),
    ];

    public static TheoryData<string, V, bool> Matrix()
    {
        var data = new TheoryData<string, V, bool>();
        foreach (var row in Rows)
            foreach (var verb in Enum.GetValues<V>())
                data.Add(row.Case, verb, row.May.Contains(verb));
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Role_action_and_relation_decide(string @case, V verb, bool allowed)
    {
        var row = Rows.Single(r => r.Case == @case);
        var target = new CurationTarget(Item(), VendorRegion);
        var denial = CurationPolicy.Denial(verb, row.Actor, target, row.Level);
        if (allowed)
            Assert.Null(denial);
        else
            Assert.False(string.IsNullOrEmpty(denial), $"{@case} should not {verb}");
    }

    [Fact]
    public void Denials_are_forbidden_errors_with_an_english_gloss()
    {
        var e = Assert.Throws<CurationError>(() =>
            CurationPolicy.Authorize(V.Review, As("sam", Roles.Expert, Vendor, "math"), new CurationTarget(Item(), VendorRegion)));
        Assert.Equal(CurationErrorKind.Forbidden, e.Kind);
        Assert.Contains("利益回避", e.Message);
        Assert.Contains("(conflict of interest", e.Message);
    }

    [Fact]
    public void Only_experts_have_a_review_queue()
    {
        CurationPolicy.AuthorizeReviewQueue(new Caller("eve", "eve", Roles.Expert, "ys-edu", ["math"]));
        Assert.Throws<CurationError>(() => CurationPolicy.AuthorizeReviewQueue(new Caller("t", "t", Roles.Teacher, "bh-no1", [])));
    }

    [Fact]
    public void Region_admins_manage_only_inside_their_region()
    {
        CurationPolicy.AuthorizeRegionAdmin(As("cy", Roles.Admin, City), ["bh-edu", "hf-edu", "ah-edu"]);
        Assert.Throws<CurationError>(() => CurationPolicy.AuthorizeRegionAdmin(As("cathy", Roles.Admin, County), ["ys-edu", "hf-edu", "ah-edu"]));
        Assert.Throws<CurationError>(() => CurationPolicy.AuthorizeRegionAdmin(As("vic", Roles.Admin, Vendor)));
        Assert.Throws<CurationError>(() => CurationPolicy.AuthorizeRegionAdmin(As("t", Roles.Teacher, School)));
    }
}
