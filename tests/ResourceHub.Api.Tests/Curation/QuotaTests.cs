using System.Net;
using System.Net.Http.Json;
using ResourceHub.Data;

namespace ResourceHub.Api.Tests.Curation;

/// <summary>Recommendation quotas per level, region, subject and year, set by admins and enforced on Recommend.</summary>
public sealed class QuotaTests() : CurationApi(DatabaseOptions.Sqlite)
{
    private async Task<string> AtSchoolLevelAsync()
    {
        var item = await PublishedAsync();
        await Json(await Act(Admin("cathy", "bh-edu"), item, "Recommend", new { level = "school" }));
        return item;
    }

    private object CountyQuota(int max, string subject = "math") => new
    {
        Level = "county", RegionCode = "bh-edu", Subject = subject, Year = DateTime.UtcNow.Year, MaxCount = max,
    };

    [Fact]
    public async Task The_quota_admits_k_recommendations_and_refuses_the_next_with_a_clear_error()
    {
        var quota = await Json(await Admin("cy", "hf-edu").PostAsJsonAsync("/odata/Quotas", CountyQuota(1)));
        var first = await AtSchoolLevelAsync();
        var second = await AtSchoolLevelAsync();
        var cathy = Admin("cathy", "bh-edu");
        await Json(await Act(cathy, first, "Recommend", new { level = "county" }));

        var error = await Error(await Act(cathy, second, "Recommend", new { level = "county" }), HttpStatusCode.Conflict);
        Assert.Contains("推荐名额已用完（1/1）", error.GetProperty("message").GetString());
        Assert.Contains("quota", error.GetProperty("message").GetString());
        Assert.Equal("school", (await Json(await Vendor.GetAsync(second))).GetProperty("RecommendationLevel").GetString());
        var used = await Json(await cathy.GetAsync($"/odata/Quotas({quota.GetProperty("Id").GetString()})"));
        Assert.Equal(1, used.GetProperty("Used").GetInt32());
    }

    [Fact]
    public async Task Quotas_count_per_subject_and_raising_one_admits_more()
    {
        var created = await Admin("cy", "hf-edu").PostAsJsonAsync("/odata/Quotas", CountyQuota(0));
        await Json(await Admin("cy", "hf-edu").PostAsJsonAsync("/odata/Quotas", CountyQuota(0, "chinese")));
        var item = await AtSchoolLevelAsync();
        var cathy = Admin("cathy", "bh-edu");
        await Error(await Act(cathy, item, "Recommend", new { level = "county" }), HttpStatusCode.Conflict);
        var raise = await Admin("cy", "hf-edu").PatchAsJsonAsync(created.Headers.Location, new { MaxCount = 1 });
        Assert.Equal(HttpStatusCode.NoContent, raise.StatusCode);
        await Json(await Act(cathy, item, "Recommend", new { level = "county" }));
    }

    [Fact]
    public async Task Only_admins_of_the_region_set_its_quotas()
    {
        await Error(await Admin("olga", "ys-edu").PostAsJsonAsync("/odata/Quotas", CountyQuota(3)), HttpStatusCode.Forbidden);
        await Error(await Vendor.PostAsJsonAsync("/odata/Quotas", CountyQuota(3)), HttpStatusCode.Forbidden);
        await Error(await Admin("cy", "hf-edu").PostAsJsonAsync("/odata/Quotas", new
        {
            Level = "county", RegionCode = "bh-edu", Subject = "maths", Year = 2026, MaxCount = 3,
        }), HttpStatusCode.BadRequest);
        await Json(await Admin("cathy", "bh-edu").PostAsJsonAsync("/odata/Quotas", CountyQuota(3)));
        await Error(await Admin("cy", "hf-edu").PostAsJsonAsync("/odata/Quotas", CountyQuota(3)), HttpStatusCode.Conflict);
    }
}
