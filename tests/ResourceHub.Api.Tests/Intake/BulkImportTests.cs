using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using ResourceHub.Data;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Intake;

/// <summary>Bulk import through POST /odata/ImportJobs, run by the in-process worker, on one provider.</summary>
public abstract class BulkImportTests(string provider) : ApiTest(provider, () => new Dictionary<string, string?>
{
    ["ResourceHub:Import:PollMilliseconds"] = "100",
    ["ResourceHub:Import:MaxEntries"] = "40",
})
{
    private HttpClient Vendor => Api.ClientAs("alice", "vendor", "acme");

    [Fact]
    public async Task Valid_csv_manifest_creates_every_resource_with_its_file_and_taxonomy()
    {
        var rows = Enumerable.Range(1, 4).Select(n => ImportPackages.Row(n)).ToList();
        var job = await ImportApi.ImportAsync(Vendor, ImportPackages.CsvZip(rows));

        Assert.Equal("succeeded", job.GetProperty("State").GetString());
        Assert.Equal(4, job.GetProperty("TotalRows").GetInt32());
        Assert.Equal(4, job.GetProperty("Created").GetInt32());
        Assert.Equal(100, job.GetProperty("Percent").GetDouble());
        var results = await ImportApi.RowsAsync(Vendor, job);
        Assert.All(results, r => Assert.Equal("created", r.GetProperty("State").GetString()));
        foreach (var row in results)
        {
            var n = row.GetProperty("Line").GetInt32() - 1;
            var resource = await ImportApi.ResourceAsync(Vendor, row);
            Assert.Equal($"圆的面积 第{n}课", resource.GetProperty("Title").GetString());
            Assert.Equal("micro-lesson", resource.GetProperty("Kind").GetString());
            Assert.Equal("math", resource.GetProperty("Subject").GetString());
            Assert.Equal("primary", resource.GetProperty("Stage").GetString());
            Assert.Equal("六年级", resource.GetProperty("Grade").GetString());
            Assert.Equal("acme", resource.GetProperty("OwnerOrg").GetString());
            Assert.Equal("draft", resource.GetProperty("Status").GetString());
            Assert.Equal("2026 国培计划", resource.GetProperty("TrainingProject").GetString());
            Assert.Equal("数学名师工作坊", resource.GetProperty("Workshop").GetString());
            Assert.Equal(n % 2 == 0 ? ["it-integration"] : ["it-integration", "ethics"],
                resource.GetProperty("Topics").EnumerateArray().Select(t => t.GetString()));
            Assert.Equal(["圆", "面积"], resource.GetProperty("Tags").EnumerateArray().Select(t => t.GetString()));
            Assert.Equal($"第{n}课 圆的面积.pdf", resource.GetProperty("FileName").GetString());
            var file = await Vendor.GetAsync($"/odata/Resources({resource.GetProperty("Id").GetString()})/$value");
            Assert.Equal(ImportPackages.File(n), await file.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task A_bad_row_gets_its_chinese_reason_in_the_rows_and_the_xlsx_report_and_the_others_succeed()
    {
        var rows = new List<string[]> { ImportPackages.Row(1), ImportPackages.Row(2, subject: "数学2"), ImportPackages.Row(3) };
        rows[2][11] = "课件/不存在.pdf";
        var files = ImportPackages.FilesOf(rows.Take(2)).ToList();
        var job = await ImportApi.ImportAsync(Vendor,
            ImportPackages.Zip("清单.csv", Encoding.UTF8.GetBytes(ImportPackages.Csv(rows)), files));

        Assert.Equal("succeeded", job.GetProperty("State").GetString());
        Assert.Equal(1, job.GetProperty("Created").GetInt32());
        Assert.Equal(2, job.GetProperty("Failed").GetInt32());
        var results = await ImportApi.RowsAsync(Vendor, job);
        var subject = results.Single(r => r.GetProperty("Line").GetInt32() == 3).GetProperty("Message").GetString()!;
        Assert.StartsWith("行 3：学科“数学2”不存在，可用值：语文、数学、英语", subject);
        var missing = results.Single(r => r.GetProperty("Line").GetInt32() == 4).GetProperty("Message").GetString()!;
        Assert.StartsWith("行 4：文件“课件/不存在.pdf”不在压缩包或文件夹中", missing);

        var report = await Vendor.GetAsync(job.GetProperty("@odata.id").GetString() + "/Report");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", report.Content.Headers.ContentType?.MediaType);
        using var xlsx = new MemoryStream(await report.Content.ReadAsByteArrayAsync());
        var sheet = xlsx.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3, sheet.Count);
        Assert.Equal("已创建", sheet[0]["结果"]);
        Assert.Equal("V-0002", sheet[1]["外部编号"]);
        Assert.Equal("失败", sheet[1]["结果"]);
        Assert.Equal(subject, sheet[1]["错误"]);
    }

    [Fact]
    public async Task Importing_again_updates_by_external_id_and_never_duplicates_with_an_xlsx_manifest()
    {
        var rows = Enumerable.Range(1, 3).Select(n => ImportPackages.Row(n)).ToList();
        byte[] Package() => ImportPackages.Zip("manifest.xlsx", ImportPackages.Xlsx(rows), ImportPackages.FilesOf(rows));
        var first = await ImportApi.ImportAsync(Vendor, Package());
        Assert.Equal(3, first.GetProperty("Created").GetInt32());

        rows[1][1] = "圆的面积（修订版）";
        var second = await ImportApi.ImportAsync(Vendor, Package());
        Assert.Equal("succeeded", second.GetProperty("State").GetString());
        Assert.Equal(0, second.GetProperty("Created").GetInt32());
        Assert.Equal(1, second.GetProperty("Updated").GetInt32());
        Assert.Equal(2, second.GetProperty("Unchanged").GetInt32());

        var before = await ImportApi.RowsAsync(Vendor, first);
        var after = await ImportApi.RowsAsync(Vendor, second);
        Assert.Equal(before.Select(r => r.GetProperty("ResourceId").GetString()), after.Select(r => r.GetProperty("ResourceId").GetString()));
        Assert.Equal("圆的面积（修订版）", (await ImportApi.ResourceAsync(Vendor, after[1])).GetProperty("Title").GetString());
        var count = JsonDocument.Parse(await Vendor.GetStringAsync("/odata/Resources/$count?$filter=OwnerOrg eq 'acme'"));
        Assert.Equal(3, count.RootElement.GetInt32());
    }

    [Fact]
    public async Task Gbk_encoded_file_names_from_windows_zip_tools_are_read_as_chinese()
    {
        var rows = Enumerable.Range(1, 2).Select(n => ImportPackages.Row(n)).ToList();
        var zip = ImportPackages.CsvZip(rows, gbkNames: true);
        Assert.True(zip.AsSpan().IndexOf(ImportPackages.Gbk().GetBytes("圆的面积")) >= 0); // the names really are GBK bytes

        var job = await ImportApi.ImportAsync(Vendor, zip);
        Assert.Equal(2, job.GetProperty("Created").GetInt32());
        var resource = await ImportApi.ResourceAsync(Vendor, (await ImportApi.RowsAsync(Vendor, job))[0]);
        Assert.Equal("第1课 圆的面积.pdf", resource.GetProperty("FileName").GetString());
    }

    [Fact]
    public async Task Submit_sends_each_imported_item_to_review()
    {
        var rows = Enumerable.Range(1, 2).Select(n => ImportPackages.Row(n)).ToList();
        var job = await ImportApi.ImportAsync(Vendor, ImportPackages.CsvZip(rows), submit: true);
        var results = await ImportApi.RowsAsync(Vendor, job);
        Assert.All(results, r => Assert.Equal(JsonValueKind.Null, r.GetProperty("Message").ValueKind));
        foreach (var row in results)
            Assert.Equal("submitted", (await ImportApi.ResourceAsync(Vendor, row)).GetProperty("Status").GetString());
    }

    [Fact]
    public async Task Roles_that_cannot_create_cannot_import_and_jobs_are_private_to_their_organisation()
    {
        var zip = ImportPackages.CsvZip([ImportPackages.Row(1)]);
        foreach (var role in new[] { "expert", "workshop-host" })
        {
            var refused = await ImportApi.PostAsync(Api.ClientAs("x", role, "acme"), zip);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("不能导入资源", await refused.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await ImportApi.PostAsync(Api.ClientAs(null), zip)).StatusCode);

        var teacher = Api.ClientAs("li.ming", "teacher", "school-1");
        var job = await ImportApi.ImportAsync(teacher, zip);
        var resource = await ImportApi.ResourceAsync(teacher, (await ImportApi.RowsAsync(teacher, job))[0]);
        Assert.Equal("school-1", resource.GetProperty("OwnerOrg").GetString());
        Assert.Equal("li.ming", resource.GetProperty("CreatedBy").GetString());

        var jobUrl = job.GetProperty("@odata.id").GetString()!;
        Assert.Equal(HttpStatusCode.NotFound, (await Vendor.GetAsync(jobUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Vendor.GetAsync(jobUrl + "/Report")).StatusCode);

        // Another teacher of the same school re-using the id cannot take over li.ming's resource.
        var other = await ImportApi.ImportAsync(Api.ClientAs("wang.fang", "teacher", "school-1"), zip);
        Assert.Equal(1, other.GetProperty("Failed").GetInt32());
        var message = (await ImportApi.RowsAsync(Api.ClientAs("wang.fang", "teacher", "school-1"), other))[0].GetProperty("Message").GetString();
        Assert.Contains("其他用户的资源", message);
    }

    [Fact]
    public async Task Path_traversal_too_many_entries_a_zip_bomb_and_a_non_zip_are_refused_with_a_clear_error()
    {
        var manifest = Encoding.UTF8.GetBytes(ImportPackages.Csv([ImportPackages.Row(1)]));
        var traversal = await ImportApi.ImportAsync(Vendor, ImportPackages.Zip("manifest.csv", manifest, [("../evil.pdf", ImportPackages.File(1))]));
        Assert.Equal("failed", traversal.GetProperty("State").GetString());
        Assert.Contains("不安全", traversal.GetProperty("Error").GetString());

        var many = await ImportApi.ImportAsync(Vendor, ImportPackages.Zip("manifest.csv", manifest,
            Enumerable.Range(0, 45).Select(i => ($"f{i}.pdf", ImportPackages.File(1)))));
        Assert.Equal("failed", many.GetProperty("State").GetString());
        Assert.Contains("超过上限 40", many.GetProperty("Error").GetString());

        var bomb = await ImportApi.ImportAsync(Vendor, ImportPackages.Zip("manifest.csv", manifest, [("zeros.pdf", new byte[50 * 1024 * 1024])]));
        Assert.Equal("failed", bomb.GetProperty("State").GetString());
        Assert.Contains("压缩炸弹", bomb.GetProperty("Error").GetString());
        var report = await Vendor.GetAsync(bomb.GetProperty("@odata.id").GetString() + "/Report");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);

        var notZip = await ImportApi.PostAsync(Vendor, TestFiles.Pdf(1000, 1));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notZip.StatusCode);
        Assert.Contains("不是 ZIP 压缩包", await notZip.Content.ReadAsStringAsync());
        var count = JsonDocument.Parse(await Vendor.GetStringAsync("/odata/Resources/$count"));
        Assert.Equal(0, count.RootElement.GetInt32());
    }

    [Fact]
    public async Task An_unknown_column_refuses_the_whole_manifest_naming_the_accepted_ones()
    {
        var headers = ImportPackages.ChineseHeaders.ToArray();
        headers[3] = "学课";
        var rows = new List<string[]> { ImportPackages.Row(1) };
        var job = await ImportApi.ImportAsync(Vendor,
            ImportPackages.Zip("manifest.csv", Encoding.UTF8.GetBytes(ImportPackages.Csv(rows, headers)), ImportPackages.FilesOf(rows)));
        Assert.Equal("failed", job.GetProperty("State").GetString());
        Assert.StartsWith("清单的列“学课”无法识别，可用列名：外部编号、标题", job.GetProperty("Error").GetString());
    }
}

public sealed class SqliteBulkImportTests() : BulkImportTests(DatabaseOptions.Sqlite);

[Trait("Provider", "postgres")]
public sealed class PostgresBulkImportTests() : BulkImportTests(DatabaseOptions.Postgres);
