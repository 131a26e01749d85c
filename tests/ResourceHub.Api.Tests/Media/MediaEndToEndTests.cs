using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ResourceHub.Blobs;
using ResourceHub.Data;
using ResourceHub.Testing;
using static ResourceHub.Api.Tests.Media.MediaApi;

namespace ResourceHub.Api.Tests.Media;

/// <summary>Upload through HTTP → the in-process worker → renditions served back through HTTP.</summary>
public sealed class MediaEndToEndTests : IAsyncLifetime, IDisposable
{
    private readonly TestClips _clips = new();
    private TestDatabase _db = null!;
    private ApiFactory _api = null!;
    private HttpClient _vendor = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        _api = await ApiFactory.StartAsync(_db, new Dictionary<string, string?>
        {
            ["ResourceHub:Jobs:PollSeconds"] = "0.2",
            ["ResourceHub:Jobs:HeartbeatSeconds"] = "0.5",
            ["ResourceHub:Blobs:Cleanup:GraceSeconds"] = "0",
        });
        _vendor = _api.ClientAs("alice", "vendor", "acme");
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _db.DisposeAsync();
    }

    public void Dispose() => _clips.Dispose();

    [Fact]
    public async Task Video_becomes_mp4_hls_poster_and_thumbnail_and_a_replacement_leaves_one_set()
    {
        var id = await CreateAsync(_vendor);
        await UploadAsync(_vendor, id, await File.ReadAllBytesAsync(_clips.Video()), "video/mp4", "勾股定理.mp4");

        var job = await WaitForJobAsync(_vendor, id);
        Assert.Equal("succeeded", job.GetProperty("State").GetString());
        Assert.Equal(100, job.GetProperty("Percent").GetDouble());

        var renditions = await ListAsync(_vendor, $"/odata/Resources({id})/Renditions");
        Assert.Equal(["hls", "mp4-720p", "poster", "thumbnail"], renditions.Select(r => r.GetProperty("Kind").GetString()).Order());
        var mp4 = renditions.Single(r => r.GetProperty("Kind").GetString() == "mp4-720p");
        Assert.Equal((640, 360), (mp4.GetProperty("Width").GetInt64(), mp4.GetProperty("Height").GetInt64()));
        Assert.InRange(mp4.GetProperty("DurationSeconds").GetDouble(), 1.8, 2.3);
        Assert.True(mp4.GetProperty("BitRate").GetInt64() > 0);
        Assert.Equal("video/mp4", mp4.GetProperty("ContentType").GetString());
        var resource = (await ListAsync(_vendor, "/odata/Resources")).Single(r => r.GetProperty("Id").GetGuid() == id);
        Assert.InRange(resource.GetProperty("DurationSeconds").GetDouble(), 1.8, 2.3);

        // The MP4 downloads with Range.
        var request = new HttpRequestMessage(HttpMethod.Get, $"/odata/Renditions({mp4.GetProperty("Id").GetGuid()})/$value");
        request.Headers.Range = new RangeHeaderValue(0, 99);
        var partial = await _vendor.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal("video/mp4", partial.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"bytes 0-99/{mp4.GetProperty("Size").GetInt64()}", partial.Content.Headers.ContentRange?.ToString());
        var head = await partial.Content.ReadAsByteArrayAsync();
        Assert.Equal(100, head.Length);
        Assert.Equal("ftyp"u8.ToArray(), head[4..8]);

        // HLS: master, a variant playlist and a segment, each with its content type.
        var master = await _vendor.GetAsync($"/media/{id}/hls/master.m3u8");
        Assert.Equal(HttpStatusCode.OK, master.StatusCode);
        Assert.Equal("application/vnd.apple.mpegurl", master.Content.Headers.ContentType?.MediaType);
        var variant = (await master.Content.ReadAsStringAsync()).Split('\n').First(l => l.EndsWith(".m3u8", StringComparison.Ordinal)).Trim();
        var playlist = await _vendor.GetAsync($"/media/{id}/hls/{variant}");
        Assert.Equal("application/vnd.apple.mpegurl", playlist.Content.Headers.ContentType?.MediaType);
        var segment = (await playlist.Content.ReadAsStringAsync()).Split('\n').First(l => l.EndsWith(".ts", StringComparison.Ordinal)).Trim();
        var ts = await _vendor.GetAsync($"/media/{id}/hls/{variant[..(variant.LastIndexOf('/') + 1)]}{segment}");
        Assert.Equal(HttpStatusCode.OK, ts.StatusCode);
        Assert.Equal("video/mp2t", ts.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0x47, (await ts.Content.ReadAsByteArrayAsync())[0]);
        var noRedirect = _api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        noRedirect.DefaultRequestHeaders.Authorization = _vendor.DefaultRequestHeaders.Authorization;
        var hlsId = renditions.Single(r => r.GetProperty("Kind").GetString() == "hls").GetProperty("Id").GetGuid();
        var hlsValue = await noRedirect.GetAsync($"/odata/Renditions({hlsId})/$value");
        Assert.Equal(HttpStatusCode.Redirect, hlsValue.StatusCode); // to the stable URL, where relative variant links work
        Assert.Equal($"/media/{id}/hls/master.m3u8", hlsValue.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.ClientAs(null).GetAsync($"/media/{id}/hls/master.m3u8")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _vendor.GetAsync($"/media/{id}/hls/..%2F..%2Foriginal.ts")).StatusCode);

        // Replacing the file re-enqueues; afterwards exactly one set, and the old set's blobs are swept by the cleaner.
        await UploadAsync(_vendor, id, await File.ReadAllBytesAsync(_clips.Png()), "image/png", "板书.png");
        Assert.Equal("succeeded", (await WaitForJobAsync(_vendor, id)).GetProperty("State").GetString());
        var after = await ListAsync(_vendor, $"/odata/Resources({id})/Renditions");
        Assert.Equal("thumbnail", Assert.Single(after).GetProperty("Kind").GetString());
        Assert.Equal(2, (await ListAsync(_vendor, $"/odata/Resources({id})/Jobs")).Count);
        var blobs = _api.Services.GetRequiredService<IBlobStore>();
        var cleaner = _api.Services.GetRequiredService<ResourceHub.Api.Resources.BlobCleaner>();
        while (await cleaner.RunOnceAsync(CancellationToken.None) > 0) { }
        var keys = await blobs.ListAsync($"resources/{id:D}/renditions/").Select(b => b.Key).ToListAsync();
        Assert.Single(keys);
        Assert.Equal(HttpStatusCode.NotFound, (await _vendor.GetAsync($"/media/{id}/hls/master.m3u8")).StatusCode);
    }

    [Fact]
    public async Task Replacing_the_file_mid_transcode_cancels_the_running_job()
    {
        var id = await CreateAsync(_vendor);
        await UploadAsync(_vendor, id, await File.ReadAllBytesAsync(_clips.Video(seconds: 6)), "video/mp4", "课堂实录.mp4");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Assert.Single(await ListAsync(_vendor, $"/odata/Resources({id})/Jobs")).GetProperty("State").GetString() != "running")
        {
            Assert.True(DateTime.UtcNow < deadline, "the video job never started");
            await Task.Delay(100);
        }

        await UploadAsync(_vendor, id, await File.ReadAllBytesAsync(_clips.Png()), "image/png", "板书.png");
        Assert.Equal("succeeded", (await WaitForJobAsync(_vendor, id)).GetProperty("State").GetString());
        var jobs = await ListAsync(_vendor, $"/odata/Resources({id})/Jobs");
        Assert.Equal(["succeeded", "cancelled"], jobs.Select(j => j.GetProperty("State").GetString()));
        // The cancelled transcode never publishes, even after it would have finished.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal("thumbnail", Assert.Single(await ListAsync(_vendor, $"/odata/Resources({id})/Renditions")).GetProperty("Kind").GetString());
        Assert.Equal("cancelled", (await ListAsync(_vendor, $"/odata/Resources({id})/Jobs"))[1].GetProperty("State").GetString());
    }

    [Fact]
    public async Task Image_gets_a_thumbnail()
    {
        var id = await CreateAsync(_vendor);
        await UploadAsync(_vendor, id, await File.ReadAllBytesAsync(_clips.Png()), "image/png", "板书.png");
        Assert.Equal("succeeded", (await WaitForJobAsync(_vendor, id)).GetProperty("State").GetString());
        var thumbnail = Assert.Single(await ListAsync(_vendor, $"/odata/Resources({id})/Renditions"));
        Assert.Equal(("thumbnail", "image/jpeg"), (thumbnail.GetProperty("Kind").GetString(), thumbnail.GetProperty("ContentType").GetString()));
        var file = await _vendor.GetAsync($"/odata/Renditions({thumbnail.GetProperty("Id").GetGuid()})/$value");
        Assert.Equal("image/jpeg", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xFF, 0xD8], (await file.Content.ReadAsByteArrayAsync())[..2]);
    }

    [Fact]
    public async Task Text_renamed_mp4_fails_with_a_stored_chinese_error()
    {
        var id = await CreateAsync(_vendor);
        await UploadAsync(_vendor, id, "第一节 勾股定理 教案\n这是文本，不是视频。\n"u8.ToArray(), "application/octet-stream", "勾股定理.mp4");
        var job = await WaitForJobAsync(_vendor, id);
        Assert.Equal("failed", job.GetProperty("State").GetString());
        Assert.Equal(1, job.GetProperty("Attempts").GetInt64());
        Assert.StartsWith("文件不是可识别的视频", job.GetProperty("Error").GetString());
        Assert.Contains("NotMedia", job.GetProperty("Error").GetString());
        Assert.Empty(await ListAsync(_vendor, $"/odata/Resources({id})/Renditions"));
        // Another organisation's teacher sees neither the resource nor its jobs.
        var outsider = _api.ClientAs("t9", "teacher", "other-org");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/odata/Resources({id})/Jobs")).StatusCode);
    }
}
