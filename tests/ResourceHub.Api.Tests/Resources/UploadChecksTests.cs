using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ResourceHub.Api.Tests.Media;
using ResourceHub.Data;
using ResourceHub.Testing;
using static ResourceHub.Api.Tests.Media.MediaApi;

namespace ResourceHub.Api.Tests.Resources;

/// <summary>规范性检查 through the API: the rules list, an item's results, and a blocking rule refusing Submit until fixed.</summary>
public abstract class UploadChecksTests(string provider) : WorkerTestBase(provider)
{
    protected async Task Courseware_in_the_wrong_format_cannot_be_submitted_until_replaced()
    {
        var rules = await ListAsync(Vendor, "/odata/UploadChecks");
        Assert.Contains(rules, r => r.GetProperty("Rule").GetString() == "courseware-format" && r.GetProperty("BlocksSubmit").GetBoolean());

        var created = await Vendor.PostAsJsonAsync("/odata/Resources", new { Kind = "courseware", Title = "勾股定理 课件", Subject = "math", Stage = "junior" });
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("Id").GetGuid();
        Assert.Equal("pending", Single(await ListAsync(Vendor, $"/odata/Resources({id})/Checks")).GetProperty("Outcome").GetString());

        await UploadAsync(Vendor, id, OfficeFiles.Docx(["教学目标"], ["环节"]),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "课件.docx");
        var failed = Single(await ListAsync(Vendor, $"/odata/Resources({id})/Checks"));
        Assert.Equal(("failed", "当前文件为 .docx"), (failed.GetProperty("Outcome").GetString(), failed.GetProperty("Found").GetString()));

        var refused = await Vendor.PostAsync($"/odata/Resources({id})/Submit", null);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("未通过规范性检查，暂不能提交：课件须为 PPTX、PPT 或 PDF 文件", body);

        await UploadAsync(Vendor, id, OfficeFiles.PdfWithText("courseware"), "application/pdf", "课件.pdf");
        Assert.Equal("passed", Single(await ListAsync(Vendor, $"/odata/Resources({id})/Checks")).GetProperty("Outcome").GetString());
        var submitted = await Vendor.PostAsync($"/odata/Resources({id})/Submit", null);
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
    }

    private static JsonElement Single(List<JsonElement> checks) => Assert.Single(checks);
}

public sealed class SqliteUploadChecksTests() : UploadChecksTests(DatabaseOptions.Sqlite)
{
    [Fact] public Task Wrong_format_blocks_submit() => Courseware_in_the_wrong_format_cannot_be_submitted_until_replaced();
}

public sealed class PostgresUploadChecksTests() : UploadChecksTests(DatabaseOptions.Postgres)
{
    [PostgresFact] public Task Wrong_format_blocks_submit() => Courseware_in_the_wrong_format_cannot_be_submitted_until_replaced();
}
