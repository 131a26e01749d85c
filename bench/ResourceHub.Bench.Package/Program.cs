// A package's ZIP through the API against downloading the same files one by one, in one run; the API process's
// memory growth while the ZIP streams; and a download interrupted in the middle and resumed with Range,
// checked byte-identical (SHA-256) with the whole one.
//   dotnet run -c Release --project bench/ResourceHub.Bench.Package -- [--size-mb 2048] [--files 8]
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using ResourceHub.Testing;

var sizeMb = Option("--size-mb", 2048);
var files = Option("--files", 8);
var fileBytes = sizeMb * 1024L * 1024 / files;
var work = Directory.CreateTempSubdirectory("rh-bench-package-").FullName;
Console.WriteLine($"Package benchmark: {files} files × {fileBytes / 1048576.0:F0} MB of random bytes, work dir {work}");

try
{
    var apiDir = Path.Combine(work, "api");
    using var api = ApiProcess.Start(apiDir, port: 5198);
    await api.WaitReadyAsync();
    using var http = await api.ClientAsync("bench", "vendor", "acme", TimeSpan.FromHours(1));

    var ids = new List<Guid>();
    for (var i = 0; i < files; i++)
    {
        var path = Path.Combine(work, $"file{i}.bin");
        WriteRandom(path, fileBytes);
        var created = await http.PostAsJsonAsync("/odata/Resources",
            new { Kind = "lesson-record", Title = $"基准测试 资源包文件 {i + 1}", Subject = "math", Stage = "junior" });
        created.EnsureSuccessStatusCode();
        ids.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("Id").GetGuid());
        await using (var stream = File.OpenRead(path))
        {
            var content = new StreamContent(stream);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            (await http.PutAsync($"/odata/Resources({ids[i]})/$value", content)).EnsureSuccessStatusCode();
        }
        File.Delete(path);
    }
    var package = await http.PostAsJsonAsync("/odata/Packages", new
    {
        Title = "基准测试资源包", Subject = "math", Stage = "junior", Sections = new[] { new { Title = "第一单元", ResourceIds = ids } },
    });
    package.EnsureSuccessStatusCode();
    var zipPath = $"/media/packages/{(await package.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("Id").GetGuid()}.zip";

    // The first look at a package computes and keeps each file's CRC-32 (once per blob); timed apart from the streaming.
    var crcTime = await Measure.TimeAsync(async () => (await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, zipPath))).EnsureSuccessStatusCode());

    var oneByOne = await Measure.TimeAsync(async () =>
    {
        foreach (var id in ids)
            await DownloadAsync(http, new HttpRequestMessage(HttpMethod.Get, $"/odata/Resources({id})/$value"), null);
    });

    var rssBefore = api.RssBytes();
    using var sampler = new RssSampler(api);
    long zipLength = 0;
    var zipTime = await Measure.TimeAsync(async () => (zipLength, _) = await DownloadAsync(http, new HttpRequestMessage(HttpMethod.Get, zipPath), null));
    var peak = sampler.Stop();

    // Hashing is kept out of the timed downloads (the one-by-one baseline does not hash either).
    using var whole = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    var (_, eTag) = await DownloadAsync(http, new HttpRequestMessage(HttpMethod.Get, zipPath), whole);
    var full = whole.GetHashAndReset();

    // Interrupted at the middle, then resumed from there as curl -C - does (If-Range: the same archive or all of it).
    using var resumed = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    var middle = zipLength / 2;
    var first = new HttpRequestMessage(HttpMethod.Get, zipPath);
    first.Headers.Range = new RangeHeaderValue(0, middle - 1);
    var (firstBytes, _) = await DownloadAsync(http, first, resumed, expectPartial: true);
    var rest = new HttpRequestMessage(HttpMethod.Get, zipPath);
    rest.Headers.Range = new RangeHeaderValue(middle, null);
    rest.Headers.IfRange = new RangeConditionHeaderValue(new EntityTagHeaderValue(eTag));
    var (restBytes, _) = await DownloadAsync(http, rest, resumed, expectPartial: true);
    var same = resumed.GetHashAndReset().SequenceEqual(full) && firstBytes + restBytes == zipLength;

    double Rate(long bytes, TimeSpan t) => bytes / 1048576.0 / t.TotalSeconds;
    var filesRate = Rate(fileBytes * files, oneByOne);
    var zipRate = Rate(zipLength, zipTime);
    var growthMb = (peak - rssBefore) / 1048576.0;
    Console.WriteLine();
    Console.WriteLine($"first HEAD of the package (CRC-32 of {sizeMb} MB computed and kept): {crcTime.TotalSeconds:F1} s");
    Console.WriteLine($"one by one: {files} files, {fileBytes * files / 1048576.0:F0} MB in {oneByOne.TotalSeconds:F1} s = {filesRate:F0} MB/s");
    Console.WriteLine($"ZIP:        {zipLength / 1048576.0:F0} MB in {zipTime.TotalSeconds:F1} s = {zipRate:F0} MB/s = {zipRate / filesRate:F2}× one by one (target ≥ 0.8×)");
    Console.WriteLine($"API RSS: {rssBefore / 1048576.0:F0} MB before, peak {peak / 1048576.0:F0} MB during the ZIP; growth {growthMb:F1} MB (target ≤ 64 MB)");
    Console.WriteLine($"resumed at byte {middle}: {firstBytes} + {restBytes} bytes, SHA-256 {(same ? "identical to" : "DIFFERS from")} the whole download {Convert.ToHexString(full)[..16]}…");
    if (!same)
        Environment.ExitCode = 1;
}
finally
{
    Directory.Delete(work, recursive: true);
}

async Task<(long Bytes, string ETag)> DownloadAsync(HttpClient http, HttpRequestMessage request, IncrementalHash? hash, bool expectPartial = false)
{
    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    response.EnsureSuccessStatusCode();
    if (expectPartial && response.StatusCode != System.Net.HttpStatusCode.PartialContent)
        throw new InvalidOperationException($"expected 206, got {(int)response.StatusCode}");
    await using var body = await response.Content.ReadAsStreamAsync();
    var buffer = new byte[1 << 20];
    long total = 0;
    int n;
    while ((n = await body.ReadAsync(buffer)) > 0)
    {
        hash?.AppendData(buffer, 0, n);
        total += n;
    }
    return (total, response.Headers.ETag?.Tag ?? "");
}

int Option(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).FirstOrDefault(fallback);

static void WriteRandom(string path, long bytes)
{
    var buffer = new byte[1 << 20];
    using var file = File.Create(path);
    for (var left = bytes; left > 0; left -= buffer.Length)
    {
        Random.Shared.NextBytes(buffer);
        file.Write(buffer, 0, (int)Math.Min(left, buffer.Length));
    }
}
