using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using ResourceHub.Api.Hosting;
using ResourceHub.Api.Identity;
using ResourceHub.Api.OData;
using ResourceHub.Api.Resources;
using ResourceHub.Data;
using ResourceHub.Data.Querying;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Resources;
using ResourceHub.Query.Model;
using ResourceHub.Query.OData;
using ResourceHub.Testing;

// bench [rows=100000] [iterations=60]: seeds SQLite, starts the API on loopback, and compares each
// query through HTTP with the same query model run on the DbContext (after a JIT warm-up); then page 1 vs page 500.
var rows = args.Length > 0 ? int.Parse(args[0]) : 100_000;
var iterations = args.Length > 1 ? int.Parse(args[1]) : 60;
var dataDir = Directory.CreateTempSubdirectory("rh-bench-").FullName;
try
{
    var app = ServiceHost.Build(["--urls", "http://127.0.0.1:0", $"--{DataDirectory.ConfigKey}={dataDir}", "--Logging:LogLevel:Default=Warning"]);
    await app.Services.PrepareStorageAsync();
    await Seed(app.Services, rows);
    // The floor under any HTTP API in this host: the same bytes as a query's answer, served static (no query, no ODL).
    var floorBody = Array.Empty<byte>();
    app.MapGet("/bench/floor", (HttpContext c) =>
    {
        c.Response.ContentLength = floorBody.Length;
        return c.Response.Body.WriteAsync(floorBody).AsTask();
    });
    await app.StartAsync();
    var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    var token = app.Services.GetRequiredService<TokenIssuer>().Issue("bench", "admin", ResourceSeed.PlatformOrg);
    // The direct run filters by what this caller may see, as the handler does (resolved to its region the same way).
    Caller caller;
    await using (var s = app.Services.CreateAsyncScope())
        caller = await s.ServiceProvider.GetRequiredService<ResourceHub.Application.Identity.OrganizationDirectory>().ResolveAsync(
            new Caller("bench", "bench", Roles.Admin, ResourceSeed.PlatformOrg, []), s.ServiceProvider.GetRequiredService<ResourceHubDbContext>(), default);
    using var http = new HttpClient { BaseAddress = new Uri(address) };
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

    string[] queries =
    [
        "$filter=Subject eq 'math'&$orderby=CreatedAt desc&$top=50",
        "$filter=contains(Title,'面积')&$top=50",
        "$filter=Tags/any(t: t eq '圆') and Stage eq 'primary'&$orderby=Title&$top=50",
        "$filter=year(CreatedAt) eq 2024 and Size gt 1000&$count=true&$top=20",
        "$filter=Kind in ('case','courseware')&$orderby=UpdatedAt desc&$select=Id,Title&$top=100",
    ];
    const string nothing = "$filter=Id eq 00000000-0000-0000-0000-000000000000&$top=50";
    var runs = queries.Append(nothing).Select(q => (Query: q, Model: Translate(q))).Select(r => (r.Query,
        Http: (Func<Task>)(async () => (await http.GetAsync("/odata/Resources?" + r.Query)).EnsureSuccessStatusCode()),
        Direct: (Func<Task>)(() => Direct(app.Services, caller, r.Model)))).ToList();
    await WarmUp(runs.SelectMany(r => new[] { r.Http, r.Direct }).ToList());
    var floorRun = runs[^1];
    runs.RemoveAt(runs.Count - 1);
    Console.WriteLine($"{"query",-78} {"http p50",9} {"p95",7} {"direct p50",11} {"p95",7} {"ratio",6}");
    var onTop = new List<double>();
    foreach (var (q, viaHttpRun, directRun) in runs)
    {
        var (viaHttp, direct) = await MeasurePair(iterations, viaHttpRun, directRun);
        onTop.Add(viaHttp.P50 - direct.P50);
        Console.WriteLine($"{q,-78} {viaHttp.P50,8:F2}ms {viaHttp.P95,6:F2} {direct.P50,10:F2}ms {direct.P95,6:F2} {viaHttp.P50 / direct.P50,5:F2}x");
    }
    // What any request costs on top of its query (HTTP, token, routing, parsing, an empty ODL page), and what each
    // entity adds: a sub-millisecond query cannot stay within 1.2x once these exceed a fifth of it.
    var (emptyHttp, emptyDirect) = await MeasurePair(iterations, floorRun.Http, floorRun.Direct);
    var fixedCost = emptyHttp.P50 - emptyDirect.P50;
    Console.WriteLine($"per request on top of the query (a key that matches nothing): {fixedCost:F2}ms (http p50 {emptyHttp.P50:F2}ms, direct {emptyDirect.P50:F2}ms); "
                      + $"query 2's 50 entities add {(onTop[1] - fixedCost) * 1000 / 50:F1}us each");
    floorBody = await http.GetByteArrayAsync("/odata/Resources?" + queries[1]);
    var floor = await Measure(iterations, async () => (await http.GetAsync("/bench/floor")).EnsureSuccessStatusCode());
    Console.WriteLine($"HTTP floor: the {floorBody.Length:N0} bytes of query 2's answer served static by the same host: p50 {floor.P50:F2}ms p95 {floor.P95:F2}ms");
    await DeepPaging(http);
    using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
    await app.StopAsync(stopping.Token);
    await app.DisposeAsync();
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(dataDir, recursive: true);
}
return 0;

static async Task Seed(IServiceProvider services, int rows)
{
    const int chunk = 5000;
    var watch = Stopwatch.StartNew();
    using var all = ResourceSeed.Resources(rows).GetEnumerator();
    for (var done = 0; done < rows;)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResourceHubDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        if (done == 0)
            db.Organizations.AddRange(ResourceSeed.Organizations());
        for (var i = 0; i < chunk && all.MoveNext(); i++, done++)
            db.Resources.Add(all.Current);
        await db.SaveChangesAsync();
        Console.Write($"\rseeding {done:N0}/{rows:N0} ({done * 100 / rows}%, {watch.Elapsed.TotalSeconds:F0}s)");
    }
    Console.WriteLine();
}

static EntityQuery Translate(string query)
{
    var root = new Uri("http://localhost/odata/");
    var parser = ODataRouter.CreateParser(EdmModelFactory.Create(), root, new Uri(root, "Resources?" + query));
    parser.ParsePath();
    var pairs = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query).SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v)));
    return ODataQueryTranslator.Translate(parser, ResourceDefinition.Instance.Schema, pairs);
}

/// <summary>What the handler does minus HTTP, ODL and JSON: scope, filter, count, order, one page with the stats its entries show.</summary>
static async Task Direct(IServiceProvider services, Caller caller, EntityQuery query)
{
    await using var scope = services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<ResourceHubDbContext>();
    var renderer = new EfQueryRenderer<Resource>(ResourceDefinition.Instance.FieldMap);
    var filtered = renderer.Filter(db.Resources.AsNoTracking().Where(VisibilityScope.For(caller).ToExpression()), query.Filter);
    if (query.Count)
        await filtered.LongCountAsync();
    await renderer.Order(filtered, query).Include(r => r.Stats).Take((query.Top ?? 100) + 1).ToListAsync();
}

/// <summary>
/// Runs every query both ways until the JIT has settled. .NET first runs code unoptimised and recompiles hot methods
/// in the background (tiered compilation); on a busy machine that takes seconds, and ODL's writer measured 1.26 ms for
/// 50 entities before it and 0.16 ms after. Measured too early, the API side (far more code than the direct path) ran
/// partly unoptimised. Settled: at least 3 rounds and 5 s, the last round compiling no method. Both paths warm alike.
/// </summary>
static async Task WarmUp(IReadOnlyList<Func<Task>> runs)
{
    var watch = Stopwatch.StartNew();
    var rounds = 0;
    long compiled;
    do
    {
        compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        foreach (var run in runs)
            await run();
        rounds++;
    } while ((rounds < 3 || watch.Elapsed < TimeSpan.FromSeconds(5) || System.Runtime.JitInfo.GetCompiledMethodCount() != compiled)
             && watch.Elapsed < TimeSpan.FromSeconds(120));
    Console.WriteLine($"warm-up: {rounds} rounds, {watch.Elapsed.TotalSeconds:F0}s (until a whole round JIT-compiled no method)");
}

/// <summary>Alternates the two runs so both see the same load on a shared machine.</summary>
static async Task<((double P50, double P95) A, (double P50, double P95) B)> MeasurePair(int iterations, Func<Task> a, Func<Task> b)
{
    var (ta, tb) = (new List<double>(), new List<double>());
    for (var i = 0; i < 3; i++)
    {
        await a();
        await b();
    }
    for (var i = 0; i < iterations; i++)
    {
        ta.Add(await Time(a));
        tb.Add(await Time(b));
    }
    return (Percentiles(ta), Percentiles(tb));
}

static async Task<double> Time(Func<Task> run)
{
    var watch = Stopwatch.StartNew();
    await run();
    return watch.Elapsed.TotalMilliseconds;
}

static (double P50, double P95) Percentiles(List<double> times)
{
    times.Sort();
    return (times[times.Count / 2], times[(int)Math.Ceiling(times.Count * 0.95) - 1]);
}

static async Task<(double P50, double P95)> Measure(int iterations, Func<Task> run)
{
    for (var i = 0; i < 3; i++)
        await run(); // warm-up: compiled queries, connections
    var times = new List<double>();
    for (var i = 0; i < iterations; i++)
        times.Add(await Time(run));
    return Percentiles(times);
}

static async Task DeepPaging(HttpClient http)
{
    const string first = "/odata/Resources?$orderby=CreatedAt desc&$select=Id,Title,CreatedAt";
    string? url = first;
    var links = new List<string>();
    for (var page = 1; page <= 500 && url is not null; page++)
    {
        links.Add(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Prefer", "odata.maxpagesize=200");
        var json = JsonDocument.Parse(await (await http.SendAsync(request)).EnsureSuccessStatusCode().Content.ReadAsStringAsync());
        url = json.RootElement.TryGetProperty("@odata.nextLink", out var next) ? next.GetString() : null;
    }
    async Task<(double, double)> Page(string link) => await Measure(30, async () =>
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, link);
        request.Headers.Add("Prefer", "odata.maxpagesize=200");
        (await http.SendAsync(request)).EnsureSuccessStatusCode();
    });
    var (p1, p1tail) = await Page(links[0]);
    var (pn, pntail) = await Page(links[^1]);
    Console.WriteLine($"deep paging (200/page, $orderby=CreatedAt desc): page 1 p50 {p1:F2}ms p95 {p1tail:F2}ms; page {links.Count} p50 {pn:F2}ms p95 {pntail:F2}ms; ratio {pn / p1:F2}x");
}
