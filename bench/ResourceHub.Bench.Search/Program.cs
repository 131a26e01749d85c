using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ResourceHub.Api.Hosting;
using ResourceHub.Api.Identity;
using ResourceHub.Bench.Search;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Taxonomy;
using ResourceHub.Indexing;
using ResourceHub.Indexing.Documents;
using ResourceHub.Indexing.Fts;
using ResourceHub.Query.Model;

// bench [--count 100000] [--iterations 600] [--warmup 30] [--keep] [--reuse DIR]: seeds a SQLite system of record
// and the FTS5 index with generated resources, then times the same searches directly against the engine and through
// HTTP. --reuse skips seeding and indexing and times a data directory an earlier run kept.
var count = ArgInt("--count", 100_000);
var iterations = ArgInt("--iterations", 600);
var warmupRounds = ArgInt("--warmup", 30);
var reuse = ArgString("--reuse");
var dataDir = reuse ?? Directory.CreateTempSubdirectory("rh-bench-").FullName;
Console.WriteLine($"data dir {dataDir}; {count} resources; {iterations} iterations per path");

var app = ServiceHost.Build([
    "--urls", "http://127.0.0.1:0",
    $"--{DataDirectory.ConfigKey}={dataDir}",
    "--ResourceHub:Search:Indexer:Enabled=false",
    "--Logging:LogLevel:Default=Warning",
]);
await app.Services.PrepareStorageAsync();
await app.StartAsync();

var generator = new ResourceGenerator(TaxonomyCatalog.Default);
var builder = app.Services.GetRequiredService<SearchDocumentBuilder>();
var index = app.Services.GetRequiredService<ISearchIndex>();

// 1. The system of record (the HTTP path reads the page's entities from it).
var seedClock = Stopwatch.StartNew();
var documents = new List<SearchDocument>(count);
for (var done = reuse is null ? 0 : count; done < count;)
{
    await using var scope = app.Services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<ResourceHubDbContext>();
    var batch = Enumerable.Range(done, Math.Min(5000, count - done)).Select(generator.Next).ToList();
    db.Resources.AddRange(batch);
    await db.SaveChangesAsync();
    documents.AddRange(batch.Where(SearchDocumentBuilder.IsSearchable).Select(builder.Build));
    done += batch.Count;
    Console.WriteLine($"seed database: {done}/{count} ({done * 100 / count}%) {seedClock.Elapsed.TotalSeconds:F1} s");
}

// 2. Bulk indexing throughput.
var indexClock = Stopwatch.StartNew();
for (var i = 0; i < documents.Count; i += 1000)
{
    var result = await index.UpsertAsync(documents.GetRange(i, Math.Min(1000, documents.Count - i)));
    if (!result.AllSucceeded)
        throw new InvalidOperationException("bulk index failed");
    if ((i / 1000) % 10 == 9 || i + 1000 >= documents.Count)
        Console.WriteLine($"index: {Math.Min(i + 1000, documents.Count)}/{documents.Count} {indexClock.Elapsed.TotalSeconds:F1} s");
}
indexClock.Stop();
var throughput = reuse is null ? documents.Count / indexClock.Elapsed.TotalSeconds : double.NaN;

// 3. Latency: the same searches directly and through HTTP, interleaved so both see the same machine load.
var caller = new Caller("bench-teacher", "Bench", Roles.Teacher, "school1", []);
var token = app.Services.GetRequiredService<TokenIssuer>().Issue(caller.UserId, caller.Role, caller.OrgCode);
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
using var http = new HttpClient { BaseAddress = new Uri(address) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
var scopeForCaller = VisibilityScope.For(caller);

async Task Direct(string q) =>
    await index.SearchAsync(new SearchRequest(new EntityQuery { Search = q, Top = 20, Count = true }, scopeForCaller));

async Task Http(string q)
{
    using var response = await http.GetAsync($"/odata/Resources?$search={Uri.EscapeDataString(q)}&$top=20&$count=true");
    response.EnsureSuccessStatusCode();
    await response.Content.ReadAsByteArrayAsync();
}

// Warm-up: page cache, connection pools, and the JIT. .NET first runs code unoptimized and recompiles methods
// called 30 times in the background, so a few rounds plus a pause measure the steady state a running server is in.
for (var round = 0; round < Math.Max(1, warmupRounds); round++)
    foreach (var q in ResourceGenerator.Queries)
    {
        await Direct(q);
        await Http(q);
    }
await Task.Delay(TimeSpan.FromSeconds(2));
if (Environment.GetEnvironmentVariable("BENCH_LOOP") is { } loopSecs)
{
    Console.WriteLine($"LOOP pid {Environment.ProcessId}");
    var lw = Stopwatch.StartNew(); var n = 0;
    while (lw.Elapsed.TotalSeconds < int.Parse(loopSecs)) { await Http(ResourceGenerator.Queries[n % ResourceGenerator.Queries.Count]); n++; }
    Console.WriteLine($"LOOP done {n} in {lw.Elapsed.TotalMilliseconds / n:F3} ms each");
    return 0;
}
Console.WriteLine($"warm-up: {Math.Max(1, warmupRounds)} rounds of {ResourceGenerator.Queries.Count} queries on each path");
var direct = new List<double>();
var overHttp = new List<double>();
var perQuery = ResourceGenerator.Queries.ToDictionary(q => q, _ => new List<double>());
for (var i = 0; i < iterations; i++)
{
    var q = ResourceGenerator.Queries[i % ResourceGenerator.Queries.Count];
    // Alternate which path goes first: the second run of a query finds its pages already cached.
    var httpFirst = i / ResourceGenerator.Queries.Count % 2 == 1; // by round: each query runs both ways
    if (httpFirst)
        overHttp.Add(await Time(() => Http(q)));
    var ms = await Time(() => Direct(q));
    direct.Add(ms);
    perQuery[q].Add(ms);
    if (!httpFirst)
        overHttp.Add(await Time(() => Http(q)));
}

// Baseline for the ranking change: the same index ranked by bm25 over every match, as before tiers existed.
var exactOnly = new FtsSearchIndex(Path.Combine(dataDir, "search", "index.db"), exactRankingBudget: int.MaxValue);
var exact = new List<double>();
foreach (var q in ResourceGenerator.Queries.Concat(ResourceGenerator.Queries))
    exact.Add(await Time(() => exactOnly.SearchAsync(new SearchRequest(new EntityQuery { Search = q, Top = 20, Count = true }, scopeForCaller))));

// Facets (goal: p95 ≤ 50 ms with the 4 usual ones), against the reference pass that groups the matches' document rows
// in SQL (as before facet value numbers existed), interleaved so both see the same machine load.
var facetRequest = new FacetRequest(["Subject", "Stage", "Topics", "Kind"], null);
var sqlFacets = new FtsSearchIndex(Path.Combine(dataDir, "search", "index.db"), facetPass: FtsFacetPass.Sql);
var withFacets = new List<double>();
var withSqlFacets = new List<double>();
SearchRequest FacetSearch(string q) => new(new EntityQuery { Search = q, Top = 20, Count = true }, scopeForCaller, facetRequest);
for (var round = 0; round < 3; round++) // the JIT and page cache, as for the paths above
    foreach (var q in ResourceGenerator.Queries)
    {
        await index.SearchAsync(FacetSearch(q));
        await sqlFacets.SearchAsync(FacetSearch(q));
    }
foreach (var q in ResourceGenerator.Queries.Concat(ResourceGenerator.Queries).Concat(ResourceGenerator.Queries))
{
    withFacets.Add(await Time(() => index.SearchAsync(FacetSearch(q))));
    withSqlFacets.Add(await Time(() => sqlFacets.SearchAsync(FacetSearch(q))));
}

// $apply over $search: grouped by the index (one GROUP BY over its matches) against the index listing the matches' ids
// for the database to group (the path before, still the fallback for fields the index lacks, capped at 10,000 matches).
// filter(Size eq null or Size ne null) keeps every row but names a field the index lacks, so it takes the fallback.
const string groupBy = "groupby((Subject,Stage),aggregate($count as N))";
const string viaDatabase = "filter(Size eq null or Size ne null)/" + groupBy;
async Task<string> Apply(string q, string apply)
{
    using var response = await http.GetAsync($"/odata/Resources?$search={Uri.EscapeDataString(q)}&$apply={Uri.EscapeDataString(apply)}");
    response.EnsureSuccessStatusCode();
    return await response.Content.ReadAsStringAsync();
}
var applyQueries = new List<(string Query, long Matches)>();
foreach (var q in ResourceGenerator.Queries)
    if (await index.CountAsync(new SearchRequest(new EntityQuery { Search = q }, scopeForCaller)) is var matches and > 0 and <= 10_000)
        applyQueries.Add((q, matches));
var applyInIndex = new List<double>();
var applyViaIds = new List<double>();
var sameGroups = true;
for (var round = 0; round < 5; round++) // rounds 0-1 warm up
    foreach (var (q, _) in applyQueries)
    {
        string inIndexBody = "", viaIdsBody = "";
        var a = await Time(async () => inIndexBody = await Apply(q, groupBy));
        var b = await Time(async () => viaIdsBody = await Apply(q, viaDatabase));
        sameGroups &= inIndexBody == viaIdsBody;
        if (round < 2)
            continue;
        applyInIndex.Add(a);
        applyViaIds.Add(b);
    }

var sample = await index.SearchAsync(new SearchRequest(new EntityQuery { Search = "分数", Top = 3, Count = true }, scopeForCaller));
Console.WriteLine($"sample: '分数' → {sample.Total} hits, first: {sample.Hits.FirstOrDefault()?.Document.Title}");
foreach (var (q, times) in perQuery.OrderByDescending(p => P(p.Value, 50)).Take(6))
{
    var hits = (await index.SearchAsync(new SearchRequest(new EntityQuery { Search = q, Top = 0, Count = true }, scopeForCaller))).Total;
    Console.WriteLine($"slowest: '{q}' p50 {P(times, 50):F1} ms over {hits} hits");
}
Console.WriteLine($"load average during the run: {File.ReadAllText("/proc/loadavg").Trim()} on {Environment.ProcessorCount} cores");
Console.WriteLine();
Console.WriteLine($"documents indexed     {documents.Count} (of {count} resources; retired ones are not indexed)");
Console.WriteLine($"bulk index throughput {throughput:F0} docs/s (goal ≥ 5000)");
Console.WriteLine($"direct  p50 {P(direct, 50):F2} ms  p95 {P(direct, 95):F2} ms");
Console.WriteLine($"http    p50 {P(overHttp, 50):F2} ms  p95 {P(overHttp, 95):F2} ms (goal p95 ≤ 30 ms)");
Console.WriteLine($"bm25-all p50 {P(exact, 50):F2} ms  p95 {P(exact, 95):F2} ms (direct, every match ranked: baseline; direct/baseline p95 {P(direct, 95) / P(exact, 95):F2}×)");
Console.WriteLine($"facets  p50 {P(withFacets, 50):F2} ms  p95 {P(withFacets, 95):F2} ms (direct, with 4 facets; goal p95 ≤ 50 ms)");
Console.WriteLine($"facets-sql p50 {P(withSqlFacets, 50):F2} ms  p95 {P(withSqlFacets, 95):F2} ms (direct, 4 facets grouped in SQL: baseline; facets/baseline p95 {P(withFacets, 95) / P(withSqlFacets, 95):F2}×)");
Console.WriteLine($"apply   p50 {P(applyInIndex, 50):F2} ms  p95 {P(applyInIndex, 95):F2} ms (http, $search + $apply grouped in the index; {applyQueries.Count} queries of {applyQueries.Min(x => x.Matches)}–{applyQueries.Max(x => x.Matches)} matches)");
Console.WriteLine($"apply-ids p50 {P(applyViaIds, 50):F2} ms  p95 {P(applyViaIds, 95):F2} ms (http, match ids grouped in the database: baseline; apply/baseline p50 {P(applyInIndex, 50) / P(applyViaIds, 50):F2}× p95 {P(applyInIndex, 95) / P(applyViaIds, 95):F2}×; same groups: {sameGroups})");
Console.WriteLine($"ratio   p50 {P(overHttp, 50) / P(direct, 50):F2}×  p95 {P(overHttp, 95) / P(direct, 95):F2}× (goal ≤ 1.2×)");

await app.StopAsync();
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
if (args.Contains("--keep"))
    Console.WriteLine($"kept {dataDir}");
else
    try { Directory.Delete(dataDir, true); } catch (IOException) { }
return 0;

static async Task<double> Time(Func<Task> action)
{
    var sw = Stopwatch.StartNew();
    await action();
    return sw.Elapsed.TotalMilliseconds;
}

static double P(List<double> values, int percentile)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
}

int ArgInt(string name, int fallback) => int.TryParse(ArgString(name), out var v) ? v : fallback;

string? ArgString(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
