using ResourceHub.Blobs.Local;

namespace ResourceHub.Blobs.Tests.Local;

public sealed class LocalFileBlobStoreTests : BlobStoreContract
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "rh-blobs-tests", Guid.NewGuid().ToString("N"));

    protected override IBlobStore CreateStore(BlobStoreLimits limits) => new LocalFileBlobStore(_root, limits);

    protected override Task AssertNoHiddenLeftoversAsync(string key)
    {
        // Temporary upload files are the only thing List does not show.
        var files = Directory.Exists(_root)
            ? Directory.GetFiles(_root, "*", SearchOption.AllDirectories)
            : [];
        Assert.DoesNotContain(files, f => Path.GetFileName(f).StartsWith('~'));
        return Task.CompletedTask;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Temporary_files_of_killed_uploads_are_swept_once_idle_for_the_grace_period()
    {
        await Store.PutAsync(Prefix + "r/files/a", new MemoryStream([1]), "video/mp4");
        var folder = Path.Combine(_root, "t", Prefix.Split('/')[1], "r", "files");
        var stale = Path.Combine(folder, "~" + Guid.NewGuid().ToString("N") + ".tmp");
        var live = Path.Combine(folder, "~" + Guid.NewGuid().ToString("N") + ".tmp");
        await File.WriteAllBytesAsync(stale, new byte[100]);
        await File.WriteAllBytesAsync(live, new byte[100]);
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-1));

        Assert.Equal(1, await Store.SweepAbandonedUploadsAsync(DateTimeOffset.UtcNow.AddMinutes(-10)));

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(live)); // still being written
        Assert.NotNull(await Store.StatAsync(Prefix + "r/files/a")); // blobs are never touched
    }

    [Fact]
    public async Task Delete_prunes_folders_that_became_empty()
    {
        await Store.PutAsync(Prefix + "r/renditions/hls/seg_001.ts", new MemoryStream([1, 2, 3]), "video/mp2t");
        await Store.PutAsync(Prefix + "r/original", new MemoryStream([1]), "video/mp4");

        await Store.DeletePrefixAsync(Prefix + "r/renditions/");

        Assert.False(Directory.Exists(Path.Combine(_root, "t", Prefix.Split('/')[1], "r", "renditions")));
        Assert.True(File.Exists(Path.Combine(_root, "t", Prefix.Split('/')[1], "r", "original")));
    }

    [Fact]
    public async Task Key_that_is_a_folder_of_other_keys_reads_as_missing()
    {
        await Store.PutAsync(Prefix + "r/original", new MemoryStream([1]), "video/mp4");

        Assert.Null(await Store.StatAsync(Prefix + "r"));
        Assert.Null(await Store.OpenReadAsync(Prefix + "r"));
    }

    [Fact]
    public async Task Unwritable_root_is_not_ready()
    {
        var store = new LocalFileBlobStore(_root);
        Directory.Delete(_root, recursive: true);
        await File.WriteAllTextAsync(_root, "a file where the folder should be");
        try
        {
            Assert.False(await store.IsReadyAsync());
        }
        finally
        {
            File.Delete(_root);
        }
    }
}
