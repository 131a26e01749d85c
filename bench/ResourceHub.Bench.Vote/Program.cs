using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ResourceHub.Api.Hosting;
using ResourceHub.Api.Identity;
using ResourceHub.Data;
using ResourceHub.Testing;

// bench [--votes 50000] [--users 5000] [--entries 20] [--parallel 32] [--postgres]
// A vote storm on one contest over real Kestrel: SQLite always, PostgreSQL too with --postgres or RESOURCEHUB_TEST_POSTGRES.
// Baseline in the same run: as many GETs of the contest (a cheap read) with the same tokens and the same bound.
// Production rate limits stay on: each voter sends about ten writes, far below the per-user write bucket.
var votes = Option("--votes", 50_000);
var users = Option("--users", 5_000);
var entries = Option("--entries", 20);
var parallel = Option("--parallel", 32);
var perVoter = votes / users;
if (perVoter < 1 || perVoter - perVoter / 5 > entries)
{
    Console.Error.WriteLine("need votes ≥ users and at most one ballot per entry for each voter (votes/users − pairs ≤ entries)");
    return 2;
}
var providers = new List<string> { DatabaseOptions.Sqlite };
if (args.Contains("--postgres") || TestEnvironment.PostgresConnectionString is not null)
    providers.Add(DatabaseOptions.Postgres);
var failed = false;
foreach (var provider in providers)
    failed |= !await RunAsync(provider);
return failed ? 1 : 0;

async Task<bool> RunAsync(string provider)
{
    await using var database = await TestDatabase.CreateAsync(provider);
    var app = ServiceHost.Build([
        "--urls", "http://127.0.0.1:0", $"--{DataDirectory.ConfigKey}={database.DataDir}",
        $"--ResourceHub:Database:Provider={database.Provider}", $"--ResourceHub:Database:ConnectionString={database.ConnectionString}",
        "--Logging:LogLevel:Default=Warning",
        // A doubled vote that loses the race trips the unique index by design; EF would log each one as an error.
        "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Critical",
    ]);
    await app.Services.PrepareStorageAsync();
    var seeded = await VoteSeed.RunAsync(app.Services, users, entries);
    await app.StartAsync();
    try
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var issuer = app.Services.GetRequiredService<TokenIssuer>();
        var tokens = seeded.Voters.Select(v => issuer.Issue(v.User, "teacher", v.Org)).ToList();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = parallel }) { BaseAddress = new Uri(address) };
        var contest = $"/odata/Contests({seeded.ContestId})";
        var plan = Storm.Plan(users, perVoter, seeded.Entries);
        var requests = plan.Sum(i => i.Copies);
        var pairs = plan.Count(i => i.Copies == 2);
        Console.WriteLine($"{provider}: {users:N0} voters, {entries} entries, {requests:N0} vote requests ({pairs:N0} of them doubled: the same voter and entry twice at once), {parallel} in flight");

        var storm = new Storm(http, tokens, parallel);
        await storm.RunAsync(plan.Take(200).ToList(), _ => new HttpRequestMessage(HttpMethod.Get, contest)); // warm-up
        var baseline = await storm.RunAsync(plan, _ => new HttpRequestMessage(HttpMethod.Get, contest));
        var voted = await storm.RunAsync(plan, i => new HttpRequestMessage(HttpMethod.Post, contest + "/Vote")
        {
            Content = JsonContent.Create(new { entryId = i.Entry }),
        });
        Print("baseline GET Contests(id)", baseline, "req/s");
        Print("votes POST Contests(id)/Vote", voted, "votes/s");
        Console.WriteLine($"  vote/baseline: throughput {voted.PerSecond / baseline.PerSecond:F2}x, p50 {voted.Percentile(0.5) / baseline.Percentile(0.5):F2}x, " +
                          $"p95 {voted.Percentile(0.95) / baseline.Percentile(0.95):F2}x");
        return await CheckAsync(app.Services, http, issuer, seeded, plan, baseline, voted);
    }
    finally
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await app.StopAsync(stopping.Token);
        await app.DisposeAsync();
    }
}

static void Print(string what, Storm.Run run, string unit) =>
    Console.WriteLine($"  {what,-30} {run.Answers.Count:N0} in {run.Elapsed.TotalSeconds:F1} s = {run.PerSecond:N0} {unit}, " +
                      $"p50 {run.Percentile(0.5):F1} ms, p95 {run.Percentile(0.95):F1} ms");

// No lost and no double vote: per entry, the count stored (and the count Results() shows) equals the 2xx answers;
// every doubled ballot was accepted once and refused once with the allowance message; nothing else was answered.
static async Task<bool> CheckAsync(IServiceProvider services, HttpClient http, TokenIssuer issuer, VoteSeed.Seeded seeded,
    List<Storm.Item> plan, Storm.Run baseline, Storm.Run voted)
{
    var accepted = voted.Answers.Where(a => a.Status is >= 200 and < 300).GroupBy(a => a.Entry).ToDictionary(g => g.Key, g => (long)g.Count());
    var refused = voted.Answers.Where(a => a.Status == 409).ToList();
    var other = voted.Answers.Concat(baseline.Answers).Where(a => a.Status is not (>= 200 and < 300 or 409)).ToList();
    var stored = await VoteSeed.StoredAsync(services, seeded.ContestId);
    var distinct = await VoteSeed.DistinctBallotsAsync(services, seeded.ContestId);
    using var results = new HttpRequestMessage(HttpMethod.Get, $"/odata/Contests({seeded.ContestId})/Results()");
    results.Headers.Authorization = new("Bearer", issuer.Issue("bench-admin", "admin", VoteSeed.Region));
    using var answer = await http.SendAsync(results);
    var shown = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("value").EnumerateArray()
        .ToDictionary(l => l.GetProperty("EntryId").GetGuid(), l => l.GetProperty("Votes").GetInt64());

    var mismatched = seeded.Entries.Where(e => accepted.GetValueOrDefault(e) != stored.GetValueOrDefault(e) || shown.GetValueOrDefault(e) != stored.GetValueOrDefault(e)).ToList();
    var ballots = plan.Count;
    var doubled = plan.Count(i => i.Copies == 2);
    var total = stored.Values.Sum();
    var ok = mismatched.Count == 0 && other.Count == 0 && total == ballots && distinct == total && refused.Count == doubled
             && refused.All(r => r.Body?.Contains("今天已为该作品投过票") == true);
    Console.WriteLine($"  check: {accepted.Values.Sum():N0} accepted, {total:N0} stored, {shown.Values.Sum():N0} shown by Results() for {ballots:N0} ballots " +
                      $"({distinct:N0} distinct voter/entry/day); {mismatched.Count} entries differ; {refused.Count:N0} of {doubled:N0} doubled votes refused (409); " +
                      $"{other.Count} other answers → {(ok ? "OK" : "FAILED")}");
    foreach (var o in other.Take(5))
        Console.WriteLine($"    {o.Status}: {o.Body?[..Math.Min(o.Body.Length, 300)]}");
    return ok;
}

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) ? value : fallback;
}
