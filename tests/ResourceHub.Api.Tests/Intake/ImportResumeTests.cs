using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ResourceHub.Api.Hosting;
using ResourceHub.Api.Intake;
using ResourceHub.Application.Intake;
using ResourceHub.Data;
using ResourceHub.Domain.Intake;
using ResourceHub.Domain.Users;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Intake;

/// <summary>
/// An import that stops part way — a worker that dies holding the job, a CLI run that is interrupted — goes
/// on where it stopped when resumed, and never creates a row's resource twice.
/// </summary>
public abstract class ImportResumeTests(string provider) : ApiTest(provider, () => new Dictionary<string, string?>
{
    [ServiceRoles.ConfigKey] = ServiceRoles.Api, // no worker in the host: the test plays the workers
    ["ResourceHub:Import:LeaseSeconds"] = "1",
})
{
    private static readonly List<string[]> Rows = Enumerable.Range(1, 5).Select(n => ImportPackages.Row(n)).ToList();

    [Fact]
    public async Task A_job_whose_worker_died_mid_import_is_taken_over_and_finished_without_duplicates()
    {
        var vendor = Api.ClientAs("alice", "vendor", "acme");
        var zip = ImportPackages.CsvZip(Rows);
        var posted = await ImportApi.PostAsync(vendor, zip);
        var zipPath = Path.Combine(Db.DataDir, "dead-worker.zip");
        await File.WriteAllBytesAsync(zipPath, zip);

        // The first worker applies two rows, then dies without a word (no release: its lease just runs out).
        using (var scope = Api.Services.CreateScope())
        {
            var job = await scope.ServiceProvider.GetRequiredService<ImportJobQueue>().ClaimNextAsync("dead-worker", default);
            Assert.NotNull(job);
            using var package = new ZipPackage(zipPath, new ImportOptions());
            using var dies = new CancellationTokenSource();
            var applied = 0;
            var progress = new Inline(_ => { if (++applied == 2) dies.Cancel(); });
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                scope.ServiceProvider.GetRequiredService<ImportRunner>().RunAsync(job!, "dead-worker", package, progress, dies.Token));
        }
        var midway = await ImportApi.AssertDoneAsync(vendor, posted.Headers.Location!, done: 2);
        Assert.Equal("running", midway.GetProperty("State").GetString());

        await Task.Delay(1500); // the lease lapses
        var worker = new ImportWorker(Api.Services.GetRequiredService<IServiceScopeFactory>(), Api.Services.GetRequiredService<ImportOptions>(),
            NullLogger<ImportWorker>.Instance);
        Assert.True(await worker.RunNextAsync(default));

        var job2 = await ImportApi.WaitAsync(vendor, posted.Headers.Location!);
        Assert.Equal("succeeded", job2.GetProperty("State").GetString());
        Assert.Equal(5, job2.GetProperty("Created").GetInt32());
        await using var db = Db.CreateContext();
        Assert.Equal(5, await db.Resources.CountAsync());
        Assert.Equal(5, await db.Set<ExternalResourceId>().CountAsync());
    }

    [Fact]
    public async Task The_import_verb_resumes_an_interrupted_run_and_a_rerun_changes_nothing()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Db.DataDir, "delivery")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "清单.csv"), ImportPackages.Csv(Rows), new UTF8Encoding(true));
        foreach (var (name, bytes) in ImportPackages.FilesOf(Rows))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, name))!);
            await File.WriteAllBytesAsync(Path.Combine(folder, name), bytes);
        }
        await using (var db = Db.CreateContext())
        {
            db.Users.Add(new User { Id = "alice", DisplayName = "Alice", Role = "vendor", OrgCode = "acme" });
            await db.SaveChangesAsync();
        }
        var report = Path.Combine(Db.DataDir, "report.xlsx");
        string[] args = [folder, "--as", "alice", "--report", report];

        using var interrupt = new CancellationTokenSource();
        var first = new LineCounter(interrupt, stopAfter: 3);
        Assert.Equal(1, await ImportVerb.RunAsync(args, Config(), first, TextWriter.Null, interrupt.Token));

        var second = new StringWriter();
        Assert.Equal(0, await ImportVerb.RunAsync(args, Config(), second, TextWriter.Null));
        Assert.Contains("继续上次未完成的导入", second.ToString());
        Assert.Equal(2, second.ToString().Split('\n').Count(l => l.StartsWith("行 ")));
        Assert.Contains("新建 5，更新 0，无变化 0，失败 0", second.ToString());
        Assert.True(File.Exists(report));

        var third = new StringWriter();
        Assert.Equal(0, await ImportVerb.RunAsync(args, Config(), third, TextWriter.Null));
        Assert.Contains("新建 0，更新 0，无变化 5，失败 0", third.ToString());
        await using var check = Db.CreateContext();
        Assert.Equal(5, await check.Resources.CountAsync(r => r.OwnerOrg == "acme"));
    }

    private IConfiguration Config() => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        [DataDirectory.ConfigKey] = Db.DataDir,
        ["ResourceHub:Database:Provider"] = Db.Provider,
        ["ResourceHub:Database:ConnectionString"] = Db.ConnectionString,
        ["ResourceHub:DemoData"] = "false",
    }).Build();

    private sealed class Inline(Action<ImportRow> report) : IProgress<ImportRow>
    {
        public void Report(ImportRow value) => report(value);
    }

    /// <summary>Interrupts the run (as Ctrl-C would) once it has printed this many rows.</summary>
    private sealed class LineCounter(CancellationTokenSource interrupt, int stopAfter) : StringWriter
    {
        private int _rows;

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value?.StartsWith("行 ") == true && ++_rows == stopAfter)
                interrupt.Cancel();
        }
    }
}

public sealed class SqliteImportResumeTests() : ImportResumeTests(DatabaseOptions.Sqlite);

[Trait("Provider", "postgres")]
public sealed class PostgresImportResumeTests() : ImportResumeTests(DatabaseOptions.Postgres);
