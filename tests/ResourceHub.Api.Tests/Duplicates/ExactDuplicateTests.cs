using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ResourceHub.Api.Tests.Curation;
using ResourceHub.Api.Tests.Intake;
using ResourceHub.Data;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Duplicates;

/// <summary>
/// The same bytes as another resource's file, at upload: recorded and shown by visibility (warn, the default),
/// or refused with nothing changed (courseware is configured to refuse here); also through a bulk import.
/// </summary>
public abstract class ExactDuplicateTests(string provider) : CurationApi(provider, new Dictionary<string, string?>
{
    ["ResourceHub:Duplicates:Policy:courseware"] = "refuse",
    ["ResourceHub:Import:PollMilliseconds"] = "100",
})
{
    protected static Task<HttpResponseMessage> PutAsync(HttpClient client, string item, byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return client.PutAsync(item + "/$value", content);
    }

    protected static async Task<List<JsonElement>> DuplicatesAsync(HttpClient client, string item) =>
        (await Json(await client.GetAsync(item + "/Duplicates"))).GetProperty("value").EnumerateArray().ToList();

    private static string IdOf(string item) => item[(item.IndexOf('(') + 1)..item.IndexOf(')')];

    protected async Task Same_bytes_are_recorded_and_each_caller_sees_only_what_they_may()
    {
        var bytes = TestFiles.Pdf(5_000, seed: 7);
        var tom = Teacher();
        var first = await CreateAsync(tom);
        Assert.Equal(HttpStatusCode.NoContent, (await PutAsync(tom, first, bytes)).StatusCode);
        Assert.Empty(await DuplicatesAsync(tom, first));

        // A vendor in another organisation uploads the same bytes: stored, but tom's draft is not theirs to see.
        var second = await CreateAsync(Vendor);
        var put = await PutAsync(Vendor, second, bytes);
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.False(put.Headers.Contains("Link"));
        var seenByVendor = Assert.Single(await DuplicatesAsync(Vendor, second));
        Assert.Equal("sha256", seenByVendor.GetProperty("Method").GetString());
        Assert.Equal(1, seenByVendor.GetProperty("Score").GetDouble());
        Assert.Equal(JsonValueKind.Null, seenByVendor.GetProperty("OtherResourceId").ValueKind);
        Assert.Equal("与平台上已有资源重复", seenByVendor.GetProperty("Note").GetString());
        Assert.Equal(JsonValueKind.Null, seenByVendor.GetProperty("OtherOrg").ValueKind);
        var seenByTom = Assert.Single(await DuplicatesAsync(tom, first));
        Assert.Equal(JsonValueKind.Null, seenByTom.GetProperty("OtherResourceId").ValueKind);

        // Reviewers always see which one: an expert of the subject once it is submitted, an admin at once.
        await Json(await Act(Vendor, second, "Submit"));
        var seenByExpert = Assert.Single(await DuplicatesAsync(Expert("eve", "ys-edu"), second));
        Assert.Equal(IdOf(first), seenByExpert.GetProperty("OtherResourceId").GetString());
        Assert.Equal("圆的面积（微课）", seenByExpert.GetProperty("OtherTitle").GetString());
        Assert.Equal("bh-no1", seenByExpert.GetProperty("OtherOrg").GetString());
        var seenByAdmin = Assert.Single(await DuplicatesAsync(Admin("root", "ah-edu"), first));
        Assert.Equal(IdOf(second), seenByAdmin.GetProperty("OtherResourceId").GetString());
        var all = (await Json(await Admin("root", "ah-edu").GetAsync("/odata/Duplicates"))).GetProperty("value");
        Assert.Equal(1, all.GetArrayLength());

        // Someone who may not see the item gets 404, not its findings; an unrelated teacher's list is empty.
        Assert.Equal(HttpStatusCode.NotFound, (await Teacher("ann").GetAsync(first + "/Duplicates")).StatusCode);
        Assert.Equal(0, (await Json(await Teacher("ann").GetAsync("/odata/Duplicates"))).GetProperty("value").GetArrayLength());

        // An uploader who may see the other resource is told which one, in a rel="duplicate" link.
        var third = await CreateAsync(Vendor);
        var again = await PutAsync(Vendor, third, bytes);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        var link = Assert.Single(again.Headers.GetValues("Link"));
        Assert.Contains($"Resources({IdOf(second)})>; rel=\"duplicate\"", link);
        var visible = (await DuplicatesAsync(Vendor, third)).Single(d => d.GetProperty("OtherResourceId").GetString() == IdOf(second));
        Assert.Contains("文件完全相同", visible.GetProperty("Note").GetString());

        // A new file replaces the findings about the old one.
        Assert.Equal(HttpStatusCode.NoContent, (await PutAsync(Vendor, third, TestFiles.Pdf(5_000, seed: 8))).StatusCode);
        Assert.Empty(await DuplicatesAsync(Vendor, third));
        Assert.Single(await DuplicatesAsync(Vendor, second));
    }

    protected async Task A_refusing_kind_answers_409_in_chinese_and_keeps_the_old_file()
    {
        var bytes = TestFiles.Pdf(4_000, seed: 11);
        var original = await CreateAsync(Vendor, kind: "courseware");
        Assert.Equal(HttpStatusCode.NoContent, (await PutAsync(Vendor, original, bytes)).StatusCode);

        var tom = Teacher();
        var copy = await CreateAsync(tom, kind: "courseware");
        var own = TestFiles.Pdf(4_000, seed: 12);
        Assert.Equal(HttpStatusCode.NoContent, (await PutAsync(tom, copy, own)).StatusCode);
        var refused = await Error(await PutAsync(tom, copy, bytes), HttpStatusCode.Conflict);
        Assert.StartsWith("该文件与平台上已有资源重复", refused.GetProperty("message").GetString());
        Assert.Equal(own, await (await tom.GetAsync(copy + "/$value")).Content.ReadAsByteArrayAsync());
        Assert.Empty(await DuplicatesAsync(tom, copy));

        // The uploader who may see the other one is told which it is.
        var mine = await CreateAsync(Vendor, kind: "courseware");
        var named = await Error(await PutAsync(Vendor, mine, bytes), HttpStatusCode.Conflict);
        Assert.StartsWith($"该文件与已有资源重复：《圆的面积（微课）》（{IdOf(original)}）", named.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Vendor.GetAsync(mine + "/$value")).StatusCode);

        // Warn is the default for every other kind.
        var lesson = await CreateAsync(Vendor);
        Assert.Equal(HttpStatusCode.NoContent, (await PutAsync(Vendor, lesson, bytes)).StatusCode);
    }

    protected async Task A_bulk_import_records_duplicates_and_fails_only_the_refused_row()
    {
        var tom = Teacher();
        foreach (var n in new[] { 1, 2 })
        {
            var existing = await CreateAsync(tom, kind: n == 1 ? "micro-lesson" : "courseware");
            Assert.Equal(HttpStatusCode.NoContent, (await PutAsync(tom, existing, ImportPackages.File(n))).StatusCode);
        }
        var rows = new List<string[]> { ImportPackages.Row(1), ImportPackages.Row(2), ImportPackages.Row(3) };
        rows[1][2] = "courseware";
        var job = await ImportApi.ImportAsync(Vendor, ImportPackages.CsvZip(rows));

        var results = await ImportApi.RowsAsync(Vendor, job);
        var warned = results.Single(r => r.GetProperty("Line").GetInt32() == 2);
        Assert.Equal("created", warned.GetProperty("State").GetString());
        var duplicate = Assert.Single(await DuplicatesAsync(Vendor, $"/odata/Resources({warned.GetProperty("ResourceId").GetString()})"));
        Assert.Equal("sha256", duplicate.GetProperty("Method").GetString());
        var refused = results.Single(r => r.GetProperty("Line").GetInt32() == 3);
        Assert.Equal("failed", refused.GetProperty("State").GetString());
        Assert.Contains("该文件与平台上已有资源重复", refused.GetProperty("Message").GetString());
        Assert.Equal("created", results.Single(r => r.GetProperty("Line").GetInt32() == 4).GetProperty("State").GetString());
    }
}

public sealed class SqliteExactDuplicateTests() : ExactDuplicateTests(DatabaseOptions.Sqlite)
{
    [Fact] public Task Recorded_and_shown() => Same_bytes_are_recorded_and_each_caller_sees_only_what_they_may();
    [Fact] public Task Refused() => A_refusing_kind_answers_409_in_chinese_and_keeps_the_old_file();
    [Fact] public Task Bulk_import() => A_bulk_import_records_duplicates_and_fails_only_the_refused_row();
}

public sealed class PostgresExactDuplicateTests() : ExactDuplicateTests(DatabaseOptions.Postgres)
{
    [PostgresFact] public Task Recorded_and_shown() => Same_bytes_are_recorded_and_each_caller_sees_only_what_they_may();
    [PostgresFact] public Task Refused() => A_refusing_kind_answers_409_in_chinese_and_keeps_the_old_file();
    [PostgresFact] public Task Bulk_import() => A_bulk_import_records_duplicates_and_fails_only_the_refused_row();
}
