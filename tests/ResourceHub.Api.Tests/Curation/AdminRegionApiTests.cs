using System.Net;
using System.Net.Http.Json;
using ResourceHub.Data;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Curation;

/// <summary>
/// The admin region rule over HTTP (the full matrix is AdminRegionMatrixTests): ah-edu's admin is the platform
/// administrator; bh-edu's admin manages acme (a vendor under it) and bh-no1; ys-edu's admin and acme's own admin
/// act on nothing of the others'. Out-of-region drafts are 404 (not even visible), as for any stranger.
/// </summary>
public abstract class AdminRegionApiTests(string provider) : CurationApi(provider)
{
    private HttpClient Platform => Admin("root", "ah-edu");
    private HttpClient County => Admin("cathy", "bh-edu");
    private HttpClient OtherCounty => Admin("olga", "ys-edu");
    private HttpClient VendorAdmin => Admin("vic", "acme");

    protected async Task Admins_read_change_and_delete_only_inside_their_region()
    {
        var acmeDraft = await CreateAsync(Vendor);
        var schoolDraft = await CreateAsync(Teacher());
        foreach (var (who, client, acme, school) in new[]
                 {
                     ("platform", Platform, true, true), ("county", County, true, true),
                     ("other county", OtherCounty, false, false), ("vendor admin", VendorAdmin, true, false),
                 })
        {
            foreach (var (item, may) in new[] { (acmeDraft, acme), (schoolDraft, school) })
            {
                var expected = may ? HttpStatusCode.OK : HttpStatusCode.NotFound;
                Assert.True(expected == (await client.GetAsync(item)).StatusCode, $"{who} GET {item}");
                var file = await client.GetAsync(item + "/$value"); // no file yet: 404 either way, but never another org's bytes
                Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
                var patch = await client.PatchAsJsonAsync(item, new { Title = "改过的标题" });
                Assert.True((may ? HttpStatusCode.NoContent : HttpStatusCode.NotFound) == patch.StatusCode, $"{who} PATCH {item}: {patch.StatusCode}");
            }
            var listed = Strings(await Json(await client.GetAsync("/odata/Resources?$filter=Status eq 'draft'&$count=true")), "Id");
            Assert.Equal(new[] { acme, school }.Count(x => x), listed.Count);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await OtherCounty.DeleteAsync(acmeDraft)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await VendorAdmin.DeleteAsync(schoolDraft)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await County.DeleteAsync(schoolDraft)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Vendor.GetAsync(acmeDraft)).StatusCode);
    }

    protected async Task Files_and_rubrics_follow_the_region_too()
    {
        var item = await CreateAsync(Vendor);
        var pdf = new byte[2048];
        "%PDF-1.4\n"u8.CopyTo(pdf);
        var put = new HttpRequestMessage(HttpMethod.Put, item + "/$value") { Content = new ByteArrayContent(pdf) };
        put.Content.Headers.ContentType = new("application/pdf");
        Assert.True((await Vendor.SendAsync(put)).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.OK, (await County.GetAsync(item + "/$value")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await OtherCounty.GetAsync(item + "/$value")).StatusCode);
        var foreignPut = new HttpRequestMessage(HttpMethod.Put, item + "/$value") { Content = new ByteArrayContent(pdf) };
        foreignPut.Content.Headers.ContentType = new("application/pdf");
        Assert.Equal(HttpStatusCode.NotFound, (await OtherCounty.SendAsync(foreignPut)).StatusCode);

        var rubric = await Json(await County.PostAsJsonAsync("/odata/Rubrics", new
        {
            Name = "包河区量规", Kinds = new[] { "case" }, RequiredReviews = 2, PassMean = 60, DivergenceGap = 15,
            Criteria = new[] { new { Name = "内容", MaxPoints = 100.0 } },
        }));
        var rubricUri = $"/odata/Rubrics({rubric.GetProperty("Id").GetString()})";
        Assert.Equal(HttpStatusCode.Forbidden, (await OtherCounty.PatchAsJsonAsync(rubricUri, new { PassMean = 10 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await VendorAdmin.PatchAsJsonAsync(rubricUri, new { PassMean = 10 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await VendorAdmin.PostAsJsonAsync("/odata/Rubrics", new { Name = "x" })).StatusCode);
        Assert.True((await Platform.PatchAsJsonAsync(rubricUri, new { PassMean = 65 })).IsSuccessStatusCode);
    }

    protected async Task Owner_org_cannot_be_changed_by_patch_even_by_the_platform_admin()
    {
        var item = await CreateAsync(Vendor);
        foreach (var client in new[] { VendorAdmin, County, Platform, Vendor })
        {
            var error = await Error(await client.PatchAsJsonAsync(item, new { OwnerOrg = "bh-no1" }), HttpStatusCode.BadRequest);
            Assert.Contains("所属机构", error.GetProperty("message").GetString());
            Assert.Equal("OwnerOrg", error.GetProperty("target").GetString());
        }
        Assert.Equal(HttpStatusCode.NoContent, (await Vendor.PatchAsJsonAsync(item, new { OwnerOrg = "acme", Title = "同一机构" })).StatusCode);
        Assert.Equal("acme", (await Json(await Vendor.GetAsync(item))).GetProperty("OwnerOrg").GetString());
        // Created for another organisation: an admin inside its region only.
        Assert.Equal(HttpStatusCode.Forbidden, (await OtherCounty.PostAsJsonAsync("/odata/Resources", NewItem("bh-no1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await VendorAdmin.PostAsJsonAsync("/odata/Resources", NewItem("bh-no1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await County.PostAsJsonAsync("/odata/Resources", NewItem("bh-no1"))).StatusCode);
    }

    protected async Task Only_the_platform_admin_transfers_an_item_and_history_records_it()
    {
        var item = await CreateAsync(Vendor);
        var body = new { ownerOrg = "bh-no1", reason = "机构合并" };
        Assert.Equal(HttpStatusCode.Forbidden, (await Act(County, item, "Transfer", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Act(VendorAdmin, item, "Transfer", body)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Act(Platform, item, "Transfer", new { ownerOrg = "nowhere", reason = "x" })).StatusCode);
        var moved = await Json(await Act(Platform, item, "Transfer", body));
        Assert.Equal("bh-no1", moved.GetProperty("OwnerOrg").GetString());
        var transfer = (await Json(await Platform.GetAsync(item + "/History"))).GetProperty("value").EnumerateArray()
            .Single(e => e.GetProperty("Action").GetString() == "transfer");
        Assert.Equal(("root", "acme → bh-no1：机构合并"), (transfer.GetProperty("ActorId").GetString(), transfer.GetProperty("Reason").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await Vendor.GetAsync(item)).StatusCode); // acme no longer owns it
        Assert.Equal(HttpStatusCode.OK, (await Admin("sue", "bh-no1").GetAsync(item)).StatusCode);
    }

    private static object NewItem(string org) => new
    {
        Kind = "micro-lesson", Title = "代建资源", Subject = "math", Stage = "primary", OwnerOrg = org, Topics = new[] { "it-integration" },
    };

    protected async Task Curation_actions_quotas_and_organisations_stay_inside_the_region()
    {
        var item = await PublishedAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await Act(OtherCounty, item, "Retire", new { reason = "越权" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Act(VendorAdmin, item, "Retire", new { reason = "越权" })).StatusCode);

        var quota = await Json(await County.PostAsJsonAsync("/odata/Quotas",
            new { Level = "county", RegionCode = "bh-edu", Subject = "math", Year = 2026, MaxCount = 3 }));
        var quotaUri = $"/odata/Quotas({quota.GetProperty("Id").GetString()})";
        Assert.Empty(Strings(await Json(await OtherCounty.GetAsync("/odata/Quotas")), "Id"));
        Assert.Equal(HttpStatusCode.NotFound, (await OtherCounty.GetAsync(quotaUri)).StatusCode);
        Assert.Single(Strings(await Json(await Admin("cy", "hf-edu").GetAsync("/odata/Quotas")), "Id"));
        Assert.Equal(HttpStatusCode.Forbidden, (await OtherCounty.PatchAsJsonAsync(quotaUri, new { MaxCount = 9 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await VendorAdmin.GetAsync("/odata/Quotas")).StatusCode);

        var school = new { Code = "bh-no2", Name = "包河区第二小学", Kind = "school", Tier = "school", ParentCode = "bh-edu" };
        Assert.Equal(HttpStatusCode.Forbidden, (await OtherCounty.PostAsJsonAsync("/odata/Organizations", school)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await VendorAdmin.PostAsJsonAsync("/odata/Organizations", school)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await County.PostAsJsonAsync("/odata/Organizations", school)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await County.PatchAsJsonAsync("/odata/Organizations('bh-edu')", new { ParentCode = (string?)null })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await County.PatchAsJsonAsync("/odata/Organizations('bh-no2')", new { ParentCode = "ys-edu" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await OtherCounty.DeleteAsync("/odata/Organizations('bh-no2')")).StatusCode);
        // The new school is in the county's region at once: its admin manages it and its items.
        var draft = await CreateAsync(Api.ClientAs("nina", "teacher", "bh-no2"));
        Assert.Equal(HttpStatusCode.OK, (await County.GetAsync(draft)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin("ann", "bh-no2").GetAsync(draft)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Platform.DeleteAsync(draft)).StatusCode);
    }
}

public sealed class SqliteAdminRegionApiTests() : AdminRegionApiTests(DatabaseOptions.Sqlite)
{
    [Fact] public Task Read_change_delete() => Admins_read_change_and_delete_only_inside_their_region();
    [Fact] public Task Owner_org_fixed() => Owner_org_cannot_be_changed_by_patch_even_by_the_platform_admin();
    [Fact] public Task Actions_quotas_orgs() => Curation_actions_quotas_and_organisations_stay_inside_the_region();
    [Fact] public Task Files_rubrics() => Files_and_rubrics_follow_the_region_too();
    [Fact] public Task Transfer() => Only_the_platform_admin_transfers_an_item_and_history_records_it();
}

[Trait("Provider", "postgres")]
public sealed class PostgresAdminRegionApiTests() : AdminRegionApiTests(DatabaseOptions.Postgres)
{
    [PostgresFact] public Task Read_change_delete() => Admins_read_change_and_delete_only_inside_their_region();
    [PostgresFact] public Task Owner_org_fixed() => Owner_org_cannot_be_changed_by_patch_even_by_the_platform_admin();
    [PostgresFact] public Task Actions_quotas_orgs() => Curation_actions_quotas_and_organisations_stay_inside_the_region();
    [PostgresFact] public Task Files_rubrics() => Files_and_rubrics_follow_the_region_too();
    [PostgresFact] public Task Transfer() => Only_the_platform_admin_transfers_an_item_and_history_records_it();
}
