using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResourceHub.Api.Media;
using ResourceHub.Data;
using ResourceHub.Domain.Jobs;
using ResourceHub.Testing;
using static ResourceHub.Api.Tests.Media.MediaApi;

namespace ResourceHub.Api.Tests.Media;

/// <summary>
/// What a killed worker leaves: a job row that still says "running 55 %" and a work folder in the temp dir.
/// The job shows as waiting for retry once its lease lapsed; a worker start removes folders of unleased jobs.
/// </summary>
public abstract class LapsedJobTests(string provider)
    : ApiTest(provider, () => new Dictionary<string, string?> { ["ResourceHub:Role"] = "api" })
{
    private async Task<(HttpClient Vendor, Guid Resource, Guid Job)> RunningJobAsync(DateTime leaseUntil, int attempts = 1)
    {
        var vendor = Api.ClientAs("alice", "vendor", "acme");
        var resource = await CreateAsync(vendor);
        var job = new MediaJob
        {
            Id = Guid.NewGuid(), ResourceId = resource, State = JobState.Running, Attempts = attempts, MaxAttempts = 3,
            LeaseOwner = "killed-worker", LeaseUntil = leaseUntil, Percent = 55, Stage = "transcode", EtaSeconds = 40,
            NextRunAt = DateTime.UtcNow.AddMinutes(-5), CreatedAt = DateTime.UtcNow.AddMinutes(-5), UpdatedAt = DateTime.UtcNow.AddMinutes(-1),
        };
        await using var db = Db.CreateContext();
        db.MediaJobs.Add(job);
        await db.SaveChangesAsync();
        return (vendor, resource, job.Id);
    }

    private static async Task<List<JsonElement>> EveryViewAsync(HttpClient client, Guid resource, Guid job)
    {
        using var single = JsonDocument.Parse(await client.GetStringAsync($"/odata/MediaJobs({job})"));
        return
        [
            single.RootElement.Clone(),
            Assert.Single(await ListAsync(client, $"/odata/Resources({resource})/Jobs")),
            (await ListAsync(client, "/odata/MediaJobs")).Single(j => j.GetProperty("Id").GetGuid() == job),
        ];
    }

    protected async Task A_job_whose_lease_lapsed_shows_as_waiting_for_retry()
    {
        var (vendor, resource, job) = await RunningJobAsync(DateTime.UtcNow.AddSeconds(-1));

        foreach (var shown in await EveryViewAsync(vendor, resource, job))
        {
            Assert.Equal(JobState.Queued, shown.GetProperty("State").GetString());
            Assert.Equal(0, shown.GetProperty("Percent").GetDouble());
            Assert.Equal(JsonValueKind.Null, shown.GetProperty("Stage").ValueKind);
            Assert.Equal(1, shown.GetProperty("Attempts").GetInt64());
            Assert.Equal(JobErrors.WaitingForRetry, shown.GetProperty("Error").GetString());
            Assert.StartsWith("处理中断，等待重试", shown.GetProperty("Error").GetString());
        }
    }

    protected async Task A_lapsed_last_attempt_shows_as_failed()
    {
        var (vendor, resource, job) = await RunningJobAsync(DateTime.UtcNow.AddSeconds(-1), attempts: 3);

        foreach (var shown in await EveryViewAsync(vendor, resource, job))
        {
            Assert.Equal(JobState.Failed, shown.GetProperty("State").GetString());
            Assert.Equal(JobErrors.WorkerLost, shown.GetProperty("Error").GetString());
        }
    }

    protected async Task A_job_with_a_live_lease_shows_its_progress()
    {
        var (vendor, resource, job) = await RunningJobAsync(DateTime.UtcNow.AddMinutes(1));

        foreach (var shown in await EveryViewAsync(vendor, resource, job))
        {
            Assert.Equal(JobState.Running, shown.GetProperty("State").GetString());
            Assert.Equal(55, shown.GetProperty("Percent").GetDouble());
        }
    }

    protected async Task Work_folders_of_jobs_no_live_worker_holds_are_swept()
    {
        var (_, _, lapsed) = await RunningJobAsync(DateTime.UtcNow.AddSeconds(-1));
        var (_, _, leased) = await RunningJobAsync(DateTime.UtcNow.AddMinutes(1));
        var root = Directory.CreateTempSubdirectory("rh-test-work-").FullName;
        try
        {
            static void Untouched(string folder, TimeSpan age)
            {
                foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
                    File.SetLastWriteTimeUtc(file, DateTime.UtcNow - age);
                Directory.SetLastWriteTimeUtc(folder, DateTime.UtcNow - age);
            }
            string Folder(string name)
            {
                var path = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
                File.WriteAllBytes(Path.Combine(path, "720p.mp4"), new byte[1000]);
                return path;
            }
            var ofLapsed = Folder($"rh-media-{lapsed:N}-a1b2c3");
            var ofLeased = Folder($"rh-media-{leased:N}-d4e5f6");
            // Jobs this database does not know: another instance on this host may be encoding into the fresh one.
            var foreignBusy = Folder($"rh-media-{Guid.NewGuid():N}-g7h8i9");
            var foreignIdle = Folder($"rh-media-{Guid.NewGuid():N}-j1k2l3");
            Untouched(foreignIdle, WorkFolders.ForeignAfter + TimeSpan.FromMinutes(1));
            var oldStyle = Folder("rh-media-x1y2z3");
            Untouched(oldStyle, TimeSpan.FromHours(1));
            var notOurs = Folder("other-app-123");

            await using var scope = Api.Services.CreateAsyncScope();
            var swept = await scope.ServiceProvider.GetRequiredService<WorkFolders>().SweepStaleAsync(root, TimeSpan.FromMinutes(1), default);

            Assert.Equal(3, swept);
            Assert.False(Directory.Exists(ofLapsed));
            Assert.False(Directory.Exists(foreignIdle));
            Assert.True(Directory.Exists(foreignBusy));
            Assert.False(Directory.Exists(oldStyle));
            Assert.True(Directory.Exists(ofLeased)); // a live worker on this host is using it
            Assert.True(Directory.Exists(notOurs));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

public sealed class SqliteLapsedJobTests() : LapsedJobTests(DatabaseOptions.Sqlite)
{
    [Fact] public Task Waiting_for_retry() => A_job_whose_lease_lapsed_shows_as_waiting_for_retry();
    [Fact] public Task Last_attempt() => A_lapsed_last_attempt_shows_as_failed();
    [Fact] public Task Live_lease() => A_job_with_a_live_lease_shows_its_progress();
    [Fact] public Task Work_folders() => Work_folders_of_jobs_no_live_worker_holds_are_swept();
}

public sealed class PostgresLapsedJobTests() : LapsedJobTests(DatabaseOptions.Postgres)
{
    [PostgresFact] public Task Waiting_for_retry() => A_job_whose_lease_lapsed_shows_as_waiting_for_retry();
    [PostgresFact] public Task Last_attempt() => A_lapsed_last_attempt_shows_as_failed();
    [PostgresFact] public Task Live_lease() => A_job_with_a_live_lease_shows_its_progress();
    [PostgresFact] public Task Work_folders() => Work_folders_of_jobs_no_live_worker_holds_are_swept();
}
