using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Jobs;
using ResourceHub.Domain.Renditions;
using ResourceHub.Domain.Resources;
using ResourceHub.Testing;

namespace ResourceHub.Data.Tests.Outbox;

/// <summary>Every save that stops referring to a blob queues its deletion, and no save queues a blob still in use.</summary>
public abstract class BlobCleanupRecorderTests(string provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static ResourceFile File(string key) => new()
    {
        FileName = "圆的面积.pdf", ContentType = "application/pdf", Size = 10, Sha256 = new string('a', 64), BlobKey = key, UploadedAt = DateTime.UtcNow,
    };

    private async Task<Resource> SavedAsync()
    {
        var id = Guid.NewGuid();
        var resource = new Resource
        {
            Id = id, Kind = "courseware", Title = "圆的面积", Subject = "math", Stage = "primary", OwnerOrg = "acme", CreatedBy = "alice",
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, File = File(ResourceBlobKeys.Upload(id)),
        };
        await using var db = _db.CreateContext();
        db.Resources.Add(resource);
        await db.SaveChangesAsync();
        return resource;
    }

    /// <summary>A pending revision carrying a new file; returns the file's key.</summary>
    private async Task<string> StageRevisionAsync(Resource resource)
    {
        var staged = ResourceBlobKeys.Revision(resource.Id);
        await using var db = _db.CreateContext();
        db.Add(new ResourceRevision { ResourceId = resource.Id, Title = "圆的面积（修订）", File = File(staged), CreatedBy = "alice" });
        await db.SaveChangesAsync();
        return staged;
    }

    private async Task<List<(string, bool)>> QueuedAsync()
    {
        await using var db = _db.CreateContext();
        return (await db.BlobCleanups.OrderBy(c => c.Id).ToListAsync()).Select(c => (c.Key, c.IsPrefix)).ToList();
    }

    [Fact]
    public async Task Re_uploading_under_the_same_key_queues_nothing()
    {
        var resource = await SavedAsync();
        await using (var db = _db.CreateContext())
        {
            var loaded = await db.Resources.SingleAsync(r => r.Id == resource.Id);
            var again = File(resource.File!.BlobKey);
            again.Size = 20;
            loaded.File = again;
            await db.SaveChangesAsync();
        }
        Assert.Empty(await QueuedAsync());
    }

    [Fact]
    public async Task A_new_upload_under_its_own_key_queues_the_replaced_file()
    {
        var resource = await SavedAsync();
        await using (var db = _db.CreateContext())
        {
            var loaded = await db.Resources.SingleAsync(r => r.Id == resource.Id);
            loaded.File = File(ResourceBlobKeys.Upload(resource.Id));
            await db.SaveChangesAsync();
        }
        Assert.Equal([(resource.File!.BlobKey, false)], await QueuedAsync());
    }

    [Fact]
    public async Task A_replaced_rendition_set_is_queued_but_a_set_still_in_use_is_not()
    {
        var resource = await SavedAsync();
        var (oldSet, keptSet) = (ResourceBlobKeys.RenditionSet(resource.Id), ResourceBlobKeys.RenditionSet(resource.Id));
        Rendition Row(string set, string kind) => new()
        {
            Id = Guid.NewGuid(), ResourceId = resource.Id, Kind = kind, ContentType = "image/jpeg", BlobKey = set + kind, BlobPrefix = set, CreatedAt = DateTime.UtcNow,
        };
        await using (var db = _db.CreateContext())
        {
            db.Renditions.AddRange(Row(oldSet, "poster"), Row(keptSet, "thumbnail"), Row(keptSet, "mp4-720p"));
            await db.SaveChangesAsync();
        }
        await using (var db = _db.CreateContext())
        {
            // As the publisher does: the whole set is loaded, so the recorder sees what stays (the cleaner re-checks anyway).
            var all = await db.Renditions.ToListAsync();
            db.Renditions.RemoveRange(all.Where(r => r.Kind != "mp4-720p"));
            await db.SaveChangesAsync();
        }
        Assert.Equal([(oldSet, true)], await QueuedAsync());
    }

    [Fact]
    public async Task A_revision_file_going_live_queues_the_old_original_but_not_itself()
    {
        var resource = await SavedAsync();
        var staged = await StageRevisionAsync(resource);
        Assert.Empty(await QueuedAsync());

        await using (var db = _db.CreateContext())
        {
            var live = await db.Resources.SingleAsync(r => r.Id == resource.Id);
            var revision = await db.Set<ResourceRevision>().SingleAsync(r => r.ResourceId == resource.Id);
            live.File = File(staged);
            db.Remove(revision);
            await db.SaveChangesAsync();
        }
        Assert.Equal([(resource.File!.BlobKey, false)], await QueuedAsync());
    }

    [Fact]
    public async Task A_dropped_revision_queues_its_staged_file()
    {
        var resource = await SavedAsync();
        var staged = await StageRevisionAsync(resource);
        await using (var db = _db.CreateContext())
        {
            db.Remove(await db.Set<ResourceRevision>().SingleAsync(r => r.ResourceId == resource.Id));
            await db.SaveChangesAsync();
        }
        Assert.Equal([(staged, false)], await QueuedAsync());
    }

    [Fact]
    public async Task Deleting_a_resource_queues_its_whole_folder()
    {
        var resource = await SavedAsync();
        await using (var db = _db.CreateContext())
        {
            db.Resources.Remove(await db.Resources.SingleAsync(r => r.Id == resource.Id));
            await db.SaveChangesAsync();
        }
        Assert.Contains((ResourceBlobKeys.Folder(resource.Id), true), await QueuedAsync());
    }
}

public sealed class SqliteBlobCleanupRecorderTests() : BlobCleanupRecorderTests(DatabaseOptions.Sqlite);

[Trait("Provider", "postgres")]
public sealed class PostgresBlobCleanupRecorderTests() : BlobCleanupRecorderTests(DatabaseOptions.Postgres);
