// Upload/download throughput through the API against the blob store directly, in one run, and the
// API process's memory growth while streaming a large file (it must stream, not buffer).
//   dotnet run -c Release --project bench/ResourceHub.Bench.Transfer -- [--mb 1024]
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ResourceHub.Blobs;
using ResourceHub.Blobs.Local;
using ResourceHub.Testing;

var megabytes = args.SkipWhile(a => a != "--mb").Skip(1).Select(int.Parse).FirstOrDefault(1024);
var size = megabytes * 1024L * 1024;
var work = Directory.CreateTempSubdirectory("rh-bench-transfer-").FullName;
Console.WriteLine($"Transfer benchmark: {megabytes} MB, work dir {work}");

try
{
    // Baseline: the same blob store the API uses, called in-process.
    var direct = new LocalFileBlobStore(Path.Combine(work, "direct"), new BlobStoreLimits());
    var directUp = await Measure.TimeAsync(() => direct.PutAsync("bench/original", new PatternStream(size), "application/octet-stream"));
    var directDown = await Measure.TimeAsync(async () =>
    {
        await using var read = (await direct.OpenReadAsync("bench/original"))!;
        await read.Content.CopyToAsync(Stream.Null);
    });

    // Through the API: a real Kestrel process on loopback, embedded defaults.
    var apiDir = Path.Combine(work, "api");
    using var api = ApiProcess.Start(apiDir, port: 5199);
    await api.WaitReadyAsync();
    using var http = await api.ClientAsync("bench", "vendor", "acme", TimeSpan.FromMinutes(30));
    var created = await http.PostAsJsonAsync("/odata/Resources",
        new { Kind = "lesson-record", Title = "基准测试 课堂实录", Subject = "math", Stage = "junior" });
    created.EnsureSuccessStatusCode();
    var value = created.Headers.Location + "/$value";

    var rssBefore = api.RssBytes();
    using var sampler = new RssSampler(api);
    var apiUp = await Measure.TimeAsync(async () =>
    {
        var content = new StreamContent(new PatternStream(size));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        (await http.PutAsync(value, content)).EnsureSuccessStatusCode();
    });
    var apiDown = await Measure.TimeAsync(async () =>
    {
        using var response = await http.GetAsync(value, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await (await response.Content.ReadAsStreamAsync()).CopyToAsync(Stream.Null);
    });
    var peak = sampler.Stop();

    Console.WriteLine();
    Console.WriteLine($"{"",-10}{"direct MB/s",14}{"API MB/s",12}{"API/direct",12}");
    Report("upload", directUp, apiUp);
    Report("download", directDown, apiDown);
    var growthMb = (peak - rssBefore) / 1024.0 / 1024;
    Console.WriteLine($"API RSS: {rssBefore / 1048576.0:F0} MB before, peak {peak / 1048576.0:F0} MB while streaming; growth {growthMb:F1} MB (target ≤ 64 MB) = {growthMb / megabytes:P1} of the file");
}
finally
{
    Directory.Delete(work, recursive: true);
}

void Report(string label, TimeSpan direct, TimeSpan viaApi)
{
    double Rate(TimeSpan t) => size / 1048576.0 / t.TotalSeconds;
    Console.WriteLine($"{label,-10}{Rate(direct),14:F0}{Rate(viaApi),12:F0}{Rate(viaApi) / Rate(direct),11:F2}× (target ≥ 0.8×)");
}
