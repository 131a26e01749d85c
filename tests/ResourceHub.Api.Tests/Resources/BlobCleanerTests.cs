using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResourceHub.Api.Resources;
using ResourceHub.Blobs;
using ResourceHub.Data;
using ResourceHub.Domain.Jobs;
using ResourceHub.Domain.Resources;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Resources;

/// <summary>Blobs of deleted resources are swept after the grace period; blobs still referenced are never touched.</summary>
public sealed class BlobCleanerTests() : ApiTest(DatabaseOptions.Sqlite, () => new Dictionary<string, string?>
{
    ["ResourceHub:Blobs:Cleanup:GraceSeconds"] = "0",
    ["ResourceHub:Blobs:Cleanup:PollSeconds"] = "3600", // the test runs the passes itself
    ["ResourceHub:Role"] = "api", // no hosted cleaner racing the test's own passes
})
{
    private BlobCleaner Cleaner => Api.Services.GetRequiredService<BlobCleaner>();
    private IBlobStore Blobs => Api.Services.GetRequiredService<IBlobStore>();

    private async Task<(Uri Uri, Guid Id)> UploadedAsync(HttpClient vendor)
    {
        var created = await vendor.PostAsJsonAsync("/odata/Resources", new { Kind = "courseware", Title = "圆的面积", Subject = "math", Stage = "primary" });
        created.EnsureSuccessStatusCode();
        var uri = created.Headers.Location!;
        var content = new ByteArrayContent("%PDF-1.4\n圆的面积"u8.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/pdf");
        Assert.Equal(HttpStatusCode.NoContent, (await vendor.SendAsync(new HttpRequestMessage(HttpMethod.Put, uri + "/$value") { Content = content })).StatusCode);
        var id = Guid.Parse(uri.ToString()[(uri.ToString().IndexOf('(') + 1)..uri.ToString().IndexOf(')')]);
        return (uri, id);
    }

    private async Task<string> FileKeyAsync(Guid id)
    {
        await using var db = Db.CreateContext();
        return (await db.Resources.AsNoTracking().SingleAsync(r => r.Id == id)).File!.BlobKey;
    }

    private async Task<List<BlobCleanup>> QueueAsync()
    {
        await using var db = Db.CreateContext();
        return await db.BlobCleanups.AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task Deleting_a_draft_removes_its_file_from_the_blob_store()
    {
        var vendor = Api.ClientAs("alice", "vendor", "acme");
        var (uri, id) = await UploadedAsync(vendor);
        var key = await FileKeyAsync(id);
        var poster = ResourceBlobKeys.RenditionSet(id) + "poster.jpg"; // derived files go with the folder
        await Blobs.PutAsync(poster, new MemoryStream([0xFF, 0xD8, 0xFF]), "image/jpeg");
        Assert.NotNull(await Blobs.StatAsync(key));

        Assert.Equal(HttpStatusCode.NoContent, (await vendor.DeleteAsync(uri)).StatusCode);
        Assert.NotNull(await Blobs.StatAsync(key)); // kept through the grace period: a download may still be reading
        Assert.True(await Cleaner.RunOnceAsync(CancellationToken.None) > 0);

        Assert.Null(await Blobs.StatAsync(key));
        Assert.Null(await Blobs.StatAsync(poster));
        Assert.Empty(await QueueAsync());
    }

    [Fact]
    public async Task A_key_a_row_still_refers_to_is_never_deleted()
    {
        var (_, id) = await UploadedAsync(Api.ClientAs("alice", "vendor", "acme"));
        await using (var db = Db.CreateContext())
        {
            db.BlobCleanups.Add(new BlobCleanup { Key = await FileKeyAsync(id), NotBefore = DateTime.UtcNow, CreatedAt = DateTime.UtcNow });
            db.BlobCleanups.Add(new BlobCleanup { Key = ResourceBlobKeys.Folder(id), IsPrefix = true, NotBefore = DateTime.UtcNow, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        await Cleaner.RunOnceAsync(CancellationToken.None);

        Assert.NotNull(await Blobs.StatAsync(await FileKeyAsync(id)));
        Assert.Empty(await QueueAsync());
    }

    [Fact]
    public async Task A_failed_deletion_stays_queued_with_a_backoff()
    {
        await using (var db = Db.CreateContext())
        {
            db.BlobCleanups.Add(new BlobCleanup { Key = "../outside", NotBefore = DateTime.UtcNow, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        await Cleaner.RunOnceAsync(CancellationToken.None);

        var row = Assert.Single(await QueueAsync());
        Assert.Equal(1, row.Attempts);
        Assert.False(string.IsNullOrEmpty(row.LastError));
        Assert.True(row.NotBefore > DateTime.UtcNow);
    }

    [Fact]
    public async Task A_rendition_set_is_swept_only_when_no_rendition_uses_it()
    {
        var (_, id) = await UploadedAsync(Api.ClientAs("alice", "vendor", "acme"));
        var (used, unused) = (ResourceBlobKeys.RenditionSet(id), ResourceBlobKeys.RenditionSet(id));
        foreach (var set in new[] { used, unused })
            await Blobs.PutAsync(set + "poster.jpg", new MemoryStream([0xFF, 0xD8, 0xFF]), "image/jpeg");
        await using (var db = Db.CreateContext())
        {
            db.Renditions.Add(new ResourceHub.Domain.Renditions.Rendition
            {
                Id = Guid.NewGuid(), ResourceId = id, Kind = "poster-test", ContentType = "image/jpeg", BlobKey = used + "poster.jpg", BlobPrefix = used, CreatedAt = DateTime.UtcNow,
            });
            foreach (var set in new[] { used, unused })
                db.BlobCleanups.Add(new BlobCleanup { Key = set, IsPrefix = true, NotBefore = DateTime.UtcNow, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        while (await Cleaner.RunOnceAsync(CancellationToken.None) > 0) { }

        Assert.NotNull(await Blobs.StatAsync(used + "poster.jpg"));
        Assert.Null(await Blobs.StatAsync(unused + "poster.jpg"));
    }
    [Fact]
    public async Task Temporary_files_a_killed_upload_left_are_swept()
    {
        var (_, id) = await UploadedAsync(Api.ClientAs("alice", "vendor", "acme"));
        var key = await FileKeyAsync(id);
        var root = ((ResourceHub.Blobs.Local.LocalFileBlobStore)Blobs).RootDirectory;
        var leftover = Path.Combine(Path.GetDirectoryName(Path.Combine(root, key))!, $"~{Guid.NewGuid():N}.tmp");
        await File.WriteAllBytesAsync(leftover, new byte[4096]); // what a kill -9 mid-upload leaves
        File.SetLastWriteTimeUtc(leftover, DateTime.UtcNow.AddMinutes(-1));

        Assert.Equal(1, await Cleaner.SweepAbandonedUploadsAsync(CancellationToken.None));

        Assert.False(File.Exists(leftover));
        Assert.NotNull(await Blobs.StatAsync(key));
    }
}
