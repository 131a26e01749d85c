using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ResourceHub.Api.Demo;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Bench.Fault;

/// <summary>Who the traffic acts as: a token per demo user (signed with the service's own key).</summary>
public sealed record Callers(string Teacher, string Contributor, string[] Vendors, string Expert1, string Expert2, string Admin);

/// <summary>Files the uploads send: a few short test videos (so media jobs run) and a PNG; PDFs and Markdown are made per item.</summary>
public sealed record UploadFiles(IReadOnlyList<byte[]> Videos, byte[] Png);

/// <summary>
/// Mixed traffic from a fixed number of concurrent clients: search (free text + facets), reads (entity, then a
/// Range download of its file), uploads (create + PUT $value; a video at most every <c>videoEvery</c>) and
/// review (a teacher submits, two experts review, the second review decides).
/// </summary>
public sealed class Traffic(HttpClient http, Callers callers, UploadFiles files, Samples samples, TimeSpan videoEvery)
{
    private static readonly string[] Words = ["分数", "教学设计", "课件", "微课", "勾股定理", "光合作用", "负载测试", "阅读", "Python", "课堂实录", "教案", "函数"];
    private static readonly (string Criterion, int Max)[] Rubric = [("教学设计", 25), ("内容呈现", 25), ("信息技术融合", 20), ("教学效果", 20), ("规范与创新", 10)];

    // Items a teacher may read (published, with a file) and items a vendor reads as their owner.
    private readonly List<Guid> _published = [];
    private readonly List<(Guid Id, string Token)> _owned = [];
    private readonly ConcurrentQueue<(Guid Id, int Reviewed)> _underReview = new();
    private long _nextVideoTicks;
    private int _counter;

    public void AddPublished(IEnumerable<Guid> ids)
    {
        lock (_published)
            _published.AddRange(ids);
    }

    public async Task RunAsync(int clients, TimeSpan duration, int seed)
    {
        var until = DateTime.UtcNow + duration;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(async () =>
        {
            var random = new Random(seed * 1000 + i);
            while (DateTime.UtcNow < until)
                await OneAsync(random);
        })));
    }

    private Task OneAsync(Random random) => random.Next(100) switch
    {
        < 35 => SearchAsync(random),
        < 65 => ReadAsync(random),
        < 85 => UploadAsync(random),
        _ => ReviewAsync(),
    };

    private async Task SearchAsync(Random random)
    {
        var word = Uri.EscapeDataString(Words[random.Next(Words.Length)]);
        var facet = random.Next(3) == 0 ? "&facet.Subject=math,chinese" : "";
        await SendAsync("search", HttpMethod.Get, $"/odata/Resources?$search={word}&facets=Subject,Stage,Kind&$top=10{facet}", callers.Teacher);
    }

    private async Task ReadAsync(Random random)
    {
        (Guid Id, string Token)? pick = null;
        if (random.Next(2) == 0)
            lock (_published)
                pick = _published.Count == 0 ? null : (_published[random.Next(_published.Count)], callers.Teacher);
        else
            lock (_owned)
                pick = _owned.Count == 0 ? null : _owned[random.Next(_owned.Count)];
        if (pick is not { } item)
            return;
        await SendAsync("read", HttpMethod.Get, $"/odata/Resources({item.Id})", item.Token);
        var from = random.Next(64); // below the smallest file, so every Range is satisfiable
        await SendAsync("download", HttpMethod.Get, $"/odata/Resources({item.Id})/$value", item.Token,
            configure: r => r.Headers.Range = new RangeHeaderValue(from, from + 64 * 1024));
    }

    private async Task UploadAsync(Random random)
    {
        var vendor = callers.Vendors[random.Next(callers.Vendors.Length)];
        var n = Interlocked.Increment(ref _counter);
        var word = Words[random.Next(Words.Length)];
        var (kind, file) = TakeVideoTurn()
            ? ("lesson-record", new DemoFiles.DemoFile($"负载测试 {n}.mp4", "video/mp4", files.Videos[n % files.Videos.Count]))
            : random.Next(5) switch
            {
                0 => ("case", new DemoFiles.DemoFile($"负载测试 {n}.png", "image/png", files.Png)),
                < 3 => ("courseware", (await DemoFiles.ForAsync(new Resource { Kind = "courseware", Title = $"负载测试 {n} {word} 课件" }, default))!),
                _ => ("lesson-design", (await DemoFiles.ForAsync(new Resource { Kind = "lesson-design", Title = $"负载测试 {n} {word} 教学设计" }, default))!),
            };
        var id = await CreateAsync(vendor, new { Kind = kind, Title = $"负载测试 {n} {word}", Subject = "math", Stage = "junior", Tags = new[] { word } });
        if (id is { } created && await PutFileAsync(vendor, created, file))
            lock (_owned)
                _owned.Add((created, vendor));
    }

    /// <summary>Videos cost the worker most: at most one every <c>videoEvery</c>, so the queue can drain after the run.</summary>
    private bool TakeVideoTurn()
    {
        var now = Stopwatch.GetTimestamp();
        var next = Interlocked.Read(ref _nextVideoTicks);
        return now >= next && Interlocked.CompareExchange(ref _nextVideoTicks, now + (long)(videoEvery.TotalSeconds * Stopwatch.Frequency), next) == next;
    }

    private async Task ReviewAsync()
    {
        if (!_underReview.TryDequeue(out var item))
        {
            var n = Interlocked.Increment(ref _counter);
            var id = await CreateAsync(callers.Contributor, new
            {
                Kind = "lesson-design", Title = $"负载测试 {n} 评审 教学设计", Subject = "math", Stage = "primary",
                TrainingProject = "2026 国培计划·小学数学", Workshop = "包河区小学数学工作坊",
            });
            if (id is not { } created)
                return;
            var file = (await DemoFiles.ForAsync(new Resource { Kind = "lesson-design", Title = $"负载测试 {n} 评审" }, default))!;
            if (await PutFileAsync(callers.Contributor, created, file)
                && (await SendAsync("review", HttpMethod.Post, $"/odata/Resources({created})/Submit", callers.Contributor)).Ok)
                _underReview.Enqueue((created, 0));
            return;
        }
        var expert = item.Reviewed == 0 ? callers.Expert1 : callers.Expert2;
        var scores = Rubric.Select(c => new { Criterion = c.Criterion, Points = c.Max * (item.Reviewed == 0 ? 0.85 : 0.8) }).ToArray();
        var body = JsonSerializer.Serialize(new { scores, verdict = "approve", comment = "负载测试评审意见" });
        var answer = await SendAsync("review", HttpMethod.Post, $"/odata/Resources({item.Id})/Review", expert, body);
        if (!answer.Ok)
            return;
        if (item.Reviewed == 0)
            _underReview.Enqueue((item.Id, 1));
        else
            AddPublished([item.Id]); // two agreeing reviews over the pass mark publish it
    }

    private async Task<Guid?> CreateAsync(string token, object body)
    {
        var answer = await SendAsync("create", HttpMethod.Post, "/odata/Resources", token, JsonSerializer.Serialize(body));
        if (!answer.Ok)
            return null;
        using var json = JsonDocument.Parse(answer.Body);
        return json.RootElement.GetProperty("Id").GetGuid();
    }

    private async Task<bool> PutFileAsync(string token, Guid id, DemoFiles.DemoFile file) =>
        (await SendAsync("upload", HttpMethod.Put, $"/odata/Resources({id})/$value", token, configure: r =>
        {
            r.Content = new ByteArrayContent(file.Bytes);
            r.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
            r.Content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = file.FileName };
        })).Ok;

    private async Task<(bool Ok, string Body)> SendAsync(string kind, HttpMethod method, string url, string token, string? json = null,
        Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        configure?.Invoke(request);
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var status = (int)response.StatusCode;
            var ok = response.IsSuccessStatusCode;
            var text = kind == "download" ? "" : Encoding.UTF8.GetString(bytes);
            samples.Add(new Sample(kind, status, watch.Elapsed.TotalMilliseconds), ok ? null : () => $"{method} {url}: {Shorten(text)}");
            return (ok, text);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            samples.Add(new Sample(kind, 0, watch.Elapsed.TotalMilliseconds), () => $"{method} {url}: {e.GetType().Name} {e.Message}");
            return (false, "");
        }
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
