using System.Net;
using ResourceHub.Api.Hosting;
using ResourceHub.Api.Media;
using ResourceHub.Data;
using ResourceHub.Testing;
using static ResourceHub.Api.Tests.Media.MediaApi;

namespace ResourceHub.Api.Tests.Media;

/// <summary>How the media module behaves on a host: missing ffmpeg, service roles, PostgreSQL end to end.</summary>
public sealed class MediaJobHostTests : IDisposable
{
    private readonly TestClips _clips = new();

    public void Dispose() => _clips.Dispose();

    [Fact]
    public async Task Missing_ffmpeg_keeps_the_job_queued_with_a_message()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        await using var api = await ApiFactory.StartAsync(db, new Dictionary<string, string?>
        {
            ["ResourceHub:Media:FfmpegPath"] = "/nonexistent/ffmpeg",
            ["ResourceHub:Media:FfprobePath"] = "/nonexistent/ffprobe",
            ["ResourceHub:Jobs:PollSeconds"] = "0.2",
        });
        var vendor = api.ClientAs("alice", "vendor", "acme");
        var id = await CreateAsync(vendor);
        await UploadAsync(vendor, id, await File.ReadAllBytesAsync(_clips.Video()), "video/mp4", "微课.mp4");

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var job = Assert.Single(await ListAsync(vendor, $"/odata/Resources({id})/Jobs"));
            if (job.GetProperty("Error").GetString() is { } error)
            {
                Assert.Equal(JobErrors.ToolMissing, error);
                Assert.Equal("queued", job.GetProperty("State").GetString());
                Assert.Equal(0, job.GetProperty("Attempts").GetInt64());
                break;
            }
            Assert.True(DateTime.UtcNow < deadline, "the job never recorded why it waits");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task Api_role_runs_no_worker_and_worker_role_serves_no_odata()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        await using (var api = await ApiFactory.StartAsync(db, new Dictionary<string, string?> { ["ResourceHub:Role"] = "api", ["ResourceHub:Jobs:PollSeconds"] = "0.2" }))
        {
            var vendor = api.ClientAs("alice", "vendor", "acme");
            var id = await CreateAsync(vendor);
            await UploadAsync(vendor, id, await File.ReadAllBytesAsync(_clips.Png()), "image/png", "板书.png");
            await Task.Delay(1000);
            Assert.Equal("queued", Assert.Single(await ListAsync(vendor, $"/odata/Resources({id})/Jobs")).GetProperty("State").GetString());
        }
        await using var worker = await ApiFactory.StartAsync(db, new Dictionary<string, string?> { ["ResourceHub:Role"] = "worker" });
        var client = worker.ClientAs("alice", "vendor", "acme");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/odata/Resources")).StatusCode);
    }

    [Fact]
    public void Worker_verb_sets_the_role()
    {
        Assert.Equal(["--urls", "http://x", "--ResourceHub:Role=worker"], ServiceRoles.FromVerb(["worker", "--urls", "http://x"]));
        Assert.Equal(["--urls", "http://x"], ServiceRoles.FromVerb(["--urls", "http://x"]));
    }

    [PostgresFact]
    [Trait("Provider", "postgres")]
    public async Task Postgres_image_upload_gets_a_thumbnail_and_a_replacement_keeps_one_set()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseOptions.Postgres);
        await using var api = await ApiFactory.StartAsync(db, new Dictionary<string, string?> { ["ResourceHub:Jobs:PollSeconds"] = "0.2" });
        var vendor = api.ClientAs("alice", "vendor", "acme");
        var id = await CreateAsync(vendor);
        for (var upload = 0; upload < 2; upload++)
        {
            await UploadAsync(vendor, id, await File.ReadAllBytesAsync(_clips.Png()), "image/png", $"板书{upload}.png");
            Assert.Equal("succeeded", (await WaitForJobAsync(vendor, id)).GetProperty("State").GetString());
        }
        Assert.Equal("thumbnail", Assert.Single(await ListAsync(vendor, $"/odata/Resources({id})/Renditions")).GetProperty("Kind").GetString());
        Assert.Equal(2, (await ListAsync(vendor, $"/odata/Resources({id})/Jobs")).Count);
    }
}
