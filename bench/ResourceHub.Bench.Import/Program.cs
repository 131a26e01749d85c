// Bulk import through the API against the same rows created one request at a time, in one run: rows per
// second for each, and the API process's memory growth while it imports (rows are applied one at a time;
// the ZIP streams to a blob and is read entry by entry, so growth must not scale with the package).
//   dotnet run -c Release --project bench/ResourceHub.Bench.Import -- [--rows 1000] [--kb 4]
using System.Diagnostics;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ResourceHub.Testing;

var rows = args.SkipWhile(a => a != "--rows").Skip(1).Select(int.Parse).FirstOrDefault(1000);
var kb = args.SkipWhile(a => a != "--kb").Skip(1).Select(int.Parse).FirstOrDefault(4);
var work = Directory.CreateTempSubdirectory("rh-bench-import-").FullName;
Console.WriteLine($"Import benchmark: {rows} rows with {kb} KB files, work dir {work}");

try
{
    var apiDir = Path.Combine(work, "api");
    // The rate limits would hold the baseline's 1,000 uploads to 240 a minute; they measure nothing here.
    using var api = ApiProcess.Start(apiDir, port: 5198, new Dictionary<string, string> { ["ResourceHub__RateLimits__Enabled"] = "false" });
    await api.WaitReadyAsync();
    using var http = await api.ClientAsync("bench", "vendor", "acme", TimeSpan.FromMinutes(30));

    // Baseline: each row as one create and one upload request, sequentially, as a script would do it today.
    var baselineBefore = api.RssBytes();
    using var baselineSampler = new RssSampler(api);
    var baseline = Stopwatch.StartNew();
    Uri? last = null;
    for (var i = 0; i < rows; i++)
    {
        var created = await http.PostAsJsonAsync("/odata/Resources",
            new { Kind = "courseware", Title = $"单个上传 第{i}课", Subject = "math", Stage = "primary", Topics = new[] { "it-integration" }, Tags = new[] { "基准" } });
        created.EnsureSuccessStatusCode();
        var content = new ByteArrayContent(FileBytes(i, kb));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        (await http.PutAsync(created.Headers.Location + "/$value", content)).EnsureSuccessStatusCode();
        last = created.Headers.Location;
    }
    baseline.Stop();
    var baselinePeak = baselineSampler.Stop();

    await MediaIdleAsync(http, last!); // the baseline's media jobs must not run on during the import's measurement

    // The same rows as one package: a CSV manifest and the files, in a ZIP on disk, streamed to the API.
    var zipPath = Path.Combine(work, "package.zip");
    WritePackage(zipPath, rows, kb);
    var importBefore = api.RssBytes();
    using var sampler = new RssSampler(api);
    var import = Stopwatch.StartNew();
    var body = new StreamContent(File.OpenRead(zipPath));
    body.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
    var posted = await http.PostAsync("/odata/ImportJobs", body);
    posted.EnsureSuccessStatusCode();
    JsonElement job;
    do
    {
        await Task.Delay(200);
        job = JsonDocument.Parse(await http.GetStringAsync(posted.Headers.Location)).RootElement;
    } while (job.GetProperty("State").GetString() is "queued" or "running");
    import.Stop();
    var peak = sampler.Stop();
    if (job.GetProperty("Created").GetInt32() != rows)
        throw new InvalidOperationException($"the import created {job.GetProperty("Created")} of {rows} rows: {job}");

    double Rate(Stopwatch s) => rows / s.Elapsed.TotalSeconds;
    double Mb(long bytes) => bytes / 1048576.0;
    Console.WriteLine();
    Console.WriteLine($"baseline: {rows} single create+upload requests: {Rate(baseline):F1} rows/s ({baseline.Elapsed.TotalSeconds:F1} s); API RSS growth {Mb(baselinePeak - baselineBefore):F1} MB");
    Console.WriteLine($"import:   {rows} rows in one ZIP ({Mb(new FileInfo(zipPath).Length):F1} MB) through POST /odata/ImportJobs: {Rate(import):F1} rows/s ({import.Elapsed.TotalSeconds:F1} s) = {Rate(import) / Rate(baseline):F2}× the baseline");
    Console.WriteLine($"import:   API RSS {Mb(importBefore):F0} MB before, peak {Mb(peak):F0} MB; growth {Mb(peak - importBefore):F1} MB (target ≤ 64 MB)");
}
finally
{
    Directory.Delete(work, recursive: true);
}

// Jobs run oldest first: once the last upload's job is done, the queue is drained.
static async Task MediaIdleAsync(HttpClient http, Uri lastResource)
{
    for (var i = 0; i < 600; i++)
    {
        var jobs = JsonDocument.Parse(await http.GetStringAsync(lastResource + "/Jobs")).RootElement.GetProperty("value");
        if (jobs.EnumerateArray().All(j => j.GetProperty("State").GetString() is not ("queued" or "running")))
            return;
        await Task.Delay(500);
    }
    throw new TimeoutException("media jobs still running after 5 minutes");
}

// Bytes no sniffer mistakes for a known type, so both paths store them as application/octet-stream.
static byte[] FileBytes(int i, int kb)
{
    var bytes = new byte[kb * 1024];
    new Random(i).NextBytes(bytes);
    "RHBENCH\n"u8.CopyTo(bytes);
    return bytes;
}

static void WritePackage(string path, int rows, int kb)
{
    using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
    var manifest = new StringBuilder("外部编号,标题,类型,学科,学段,年级,主题,标签,简介,培训项目,工作坊,文件名\r\n");
    for (var i = 0; i < rows; i++)
    {
        manifest.Append($"B-{i:D5},批量导入 第{i}课,课件,数学,小学,六年级,信息技术与学科教学的深度融合研究类,基准,,2026 国培计划,数学工作坊,files/第{i}课.bin\r\n");
        using var entry = zip.CreateEntry($"files/第{i}课.bin", CompressionLevel.Fastest).Open();
        entry.Write(FileBytes(i, kb));
    }
    using var writer = new StreamWriter(zip.CreateEntry("清单.csv").Open(), new UTF8Encoding(true));
    writer.Write(manifest);
}
