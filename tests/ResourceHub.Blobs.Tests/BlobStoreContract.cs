using System.Security.Cryptography;
using System.Text;
using ResourceHub.Blobs.Tests.Support;

namespace ResourceHub.Blobs.Tests;

/// <summary>
/// The behaviour every <see cref="IBlobStore"/> adapter must have. Each adapter's test class derives from this
/// and supplies the store; every test works under its own fresh key prefix.
/// </summary>
public abstract class BlobStoreContract : IDisposable
{
    protected const long MiB = 1024 * 1024;

    private readonly List<IBlobStore> _stores = [];

    protected string Prefix { get; } = $"t/{Guid.NewGuid():N}/";

    /// <summary>Creates a store; S3 stores use 5 MiB parts, so uploads above that go multipart.</summary>
    protected abstract IBlobStore CreateStore(BlobStoreLimits limits);

    /// <summary>Adapter-specific leftovers (temporary files, unfinished multipart uploads) beyond what List shows.</summary>
    protected abstract Task AssertNoHiddenLeftoversAsync(string key);

    protected IBlobStore Store => _store ??= NewStore(256 * MiB);
    private IBlobStore? _store;

    protected IBlobStore NewStore(long maxBytes)
    {
        var store = CreateStore(new BlobStoreLimits { MaxBytes = maxBytes });
        _stores.Add(store);
        return store;
    }

    private string Key(string name) => Prefix + name;

    private static MemoryStream Bytes(string text) => new(Encoding.UTF8.GetBytes(text));

    [StoreFact]
    public async Task Put_then_open_returns_the_same_bytes_and_metadata()
    {
        var content = GeneratedStream.Bytes(100_000, seed: 7);

        var written = await Store.PutAsync(Key("original"), new MemoryStream(content), "video/mp4");

        Assert.Equal(Key("original"), written.Key);
        Assert.Equal("video/mp4", written.ContentType);
        Assert.False(string.IsNullOrEmpty(written.ETag));
        await using var read = await Store.OpenReadAsync(Key("original"));
        Assert.NotNull(read);
        Assert.Equal(content.Length, read.TotalLength);
        Assert.Equal(content.Length, read.ContentLength);
        Assert.Equal("video/mp4", read.ContentType);
        Assert.Null(read.Range);
        Assert.Equal(content, await StreamAssert.ReadAllAsync(read.Content));
    }

    [StoreFact]
    public async Task Put_reports_sha256_and_length()
    {
        var content = Encoding.UTF8.GetBytes("教师培训资源 — teacher training resource\n");

        var written = await Store.PutAsync(Key("notes.md"), new MemoryStream(content), "text/markdown; charset=utf-8");

        Assert.Equal(content.Length, written.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), written.Sha256);
        Assert.Matches("^[0-9a-f]{64}$", written.Sha256);
    }

    [StoreFact]
    public async Task Put_of_empty_content_stores_an_empty_blob()
    {
        var written = await Store.PutAsync(Key("empty"), new MemoryStream(), "text/plain");

        Assert.Equal(0, written.Length);
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", written.Sha256);
        await using var read = await Store.OpenReadAsync(Key("empty"));
        Assert.NotNull(read);
        Assert.Equal(0, read.TotalLength);
        Assert.Empty(await StreamAssert.ReadAllAsync(read.Content));
        // No byte range can be served from an empty blob.
        var e = await Assert.ThrowsAsync<BlobRangeNotSatisfiableException>(
            () => Store.OpenReadAsync(Key("empty"), ByteRange.Suffix(10)));
        Assert.Equal(0, e.TotalLength);
    }

    [StoreFact]
    public async Task Large_non_seekable_upload_round_trips_byte_exact()
    {
        // Over 50 MB from a non-seekable stream: S3 has to go multipart (5 MiB parts in the tests).
        const long length = 55 * MiB + 12_345;

        var written = await Store.PutAsync(Key("big"), new GeneratedStream(length, seed: 3), "video/mp4");

        Assert.Equal(length, written.Length);
        Assert.Equal(GeneratedStream.Sha256Of(length, seed: 3), written.Sha256);
        await using var read = await Store.OpenReadAsync(Key("big"));
        Assert.NotNull(read);
        Assert.Equal(length, read.TotalLength);
        await StreamAssert.EqualAsync(new GeneratedStream(length, seed: 3), read.Content);
    }

    [StoreFact]
    public async Task Upload_of_exactly_the_limit_is_accepted()
    {
        var store = NewStore(maxBytes: 6 * MiB);

        var written = await store.PutAsync(Key("exact"), new GeneratedStream(6 * MiB), "application/octet-stream");

        Assert.Equal(6 * MiB, written.Length);
        Assert.Equal(6 * MiB, (await store.StatAsync(Key("exact")))?.Length);
    }

    [StoreFact]
    public async Task Range_reads_return_the_requested_bytes()
    {
        var content = GeneratedStream.Bytes(10_000, seed: 5);
        await Store.PutAsync(Key("ranged"), new MemoryStream(content), "application/pdf");

        await AssertRange(ByteRange.FromTo(0, 99), first: 0, last: 99);          // first bytes
        await AssertRange(ByteRange.FromTo(4_000, 4_999), first: 4_000, last: 4_999); // middle
        await AssertRange(ByteRange.Suffix(500), first: 9_500, last: 9_999);     // bytes=-500
        await AssertRange(ByteRange.StartingAt(9_000), first: 9_000, last: 9_999); // bytes=9000-
        await AssertRange(ByteRange.FromTo(9_990, 20_000), first: 9_990, last: 9_999); // end clamped
        await AssertRange(ByteRange.Suffix(50_000), first: 0, last: 9_999);      // suffix longer than blob

        async Task AssertRange(ByteRange range, long first, long last)
        {
            await using var read = await Store.OpenReadAsync(Key("ranged"), range);
            Assert.NotNull(read);
            Assert.Equal(new ResolvedByteRange(first, last), read.Range);
            Assert.Equal(10_000, read.TotalLength);
            Assert.Equal(last - first + 1, read.ContentLength);
            Assert.Equal("application/pdf", read.ContentType);
            Assert.Equal(content[(int)first..(int)(last + 1)], await StreamAssert.ReadAllAsync(read.Content));
        }
    }

    [StoreFact]
    public async Task Range_beyond_the_end_is_not_satisfiable()
    {
        await Store.PutAsync(Key("short"), Bytes("0123456789"), "text/plain");

        var e = await Assert.ThrowsAsync<BlobRangeNotSatisfiableException>(
            () => Store.OpenReadAsync(Key("short"), ByteRange.StartingAt(10)));

        Assert.Equal(10, e.TotalLength);
    }

    [StoreFact]
    public async Task Stat_returns_length_type_time_and_etag()
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        var written = await Store.PutAsync(Key("slides.pptx"), Bytes("twelve bytes"),
            "application/vnd.openxmlformats-officedocument.presentationml.presentation");

        var info = await Store.StatAsync(Key("slides.pptx"));

        Assert.NotNull(info);
        Assert.Equal(Key("slides.pptx"), info.Key);
        Assert.Equal(12, info.Length);
        Assert.Equal("application/vnd.openxmlformats-officedocument.presentationml.presentation", info.ContentType);
        Assert.InRange(info.LastModified, before, DateTimeOffset.UtcNow.AddMinutes(5));
        Assert.Equal(written.ETag, info.ETag);
    }

    [StoreFact]
    public async Task Missing_blob_gives_null()
    {
        Assert.Null(await Store.StatAsync(Key("nothing")));
        Assert.Null(await Store.OpenReadAsync(Key("nothing")));
        Assert.Null(await Store.OpenReadAsync(Key("nothing"), ByteRange.FromTo(0, 1)));
    }

    [StoreFact]
    public async Task Overwrite_replaces_bytes_type_and_etag()
    {
        var first = await Store.PutAsync(Key("doc"), Bytes("first version"), "text/plain");

        var second = await Store.PutAsync(Key("doc"), Bytes("the second, longer version"), "text/markdown");

        var info = await Store.StatAsync(Key("doc"));
        Assert.NotNull(info);
        Assert.Equal("text/markdown", info.ContentType);
        Assert.Equal(second.Length, info.Length);
        Assert.NotEqual(first.ETag, second.ETag);
        await using var read = await Store.OpenReadAsync(Key("doc"));
        Assert.Equal("the second, longer version", Encoding.UTF8.GetString(await StreamAssert.ReadAllAsync(read!.Content)));
    }

    [StoreFact]
    public async Task Readers_see_the_old_or_the_new_blob_never_a_mix()
    {
        // Two versions that differ in every byte, length and type: any mix would show.
        var a = Enumerable.Repeat((byte)'a', 300_000).ToArray();
        var b = Enumerable.Repeat((byte)'b', 700_000).ToArray();
        await Store.PutAsync(Key("hot"), new MemoryStream(a), "text/a");

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var writer = Task.Run(async () =>
        {
            var writes = 0;
            while (!stop.IsCancellationRequested)
            {
                var next = writes++ % 2 == 0 ? b : a;
                await Store.PutAsync(Key("hot"), new MemoryStream(next), next == a ? "text/a" : "text/b");
            }
            return writes;
        });

        var reads = 0;
        while (!writer.IsCompleted)
        {
            await using var read = await Store.OpenReadAsync(Key("hot"));
            Assert.NotNull(read);
            var bytes = await StreamAssert.ReadAllAsync(read.Content);
            var expected = read.ContentType == "text/a" ? a : b;
            Assert.Equal(expected.Length, read.TotalLength);
            Assert.True(bytes.AsSpan().SequenceEqual(expected), $"read {reads} mixed two versions");
            reads++;
        }
        Assert.True(await writer > 1);
        Assert.True(reads > 1);
    }

    [StoreFact]
    public async Task Concurrent_writers_of_one_key_leave_one_complete_version()
    {
        var versions = Enumerable.Range(1, 6).Select(seed => GeneratedStream.Bytes(200_000 + seed, seed)).ToArray();

        var results = await Task.WhenAll(versions.Select(v =>
            Task.Run(() => Store.PutAsync(Key("contended"), new MemoryStream(v), "application/octet-stream"))));

        await using var read = await Store.OpenReadAsync(Key("contended"));
        var bytes = await StreamAssert.ReadAllAsync(read!.Content);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Contains(sha, results.Select(r => r.Sha256));
        Assert.Contains(versions, v => v.AsSpan().SequenceEqual(bytes));
        Assert.Single(await ListKeys(Prefix));
    }

    [StoreFact]
    public async Task Delete_removes_the_blob_and_tolerates_missing_ones()
    {
        await Store.PutAsync(Key("gone"), Bytes("x"), "text/plain");

        await Store.DeleteAsync(Key("gone"));
        await Store.DeleteAsync(Key("gone"));
        await Store.DeleteAsync(Key("never/was"));

        Assert.Null(await Store.StatAsync(Key("gone")));
        Assert.Empty(await ListKeys(Prefix));
    }

    [StoreFact]
    public async Task Delete_prefix_removes_renditions_only()
    {
        await Store.PutAsync(Key("r1/original"), Bytes("original"), "video/mp4");
        await Store.PutAsync(Key("r1/renditions/hls/720p/seg_001.ts"), Bytes("s1"), "video/mp2t");
        await Store.PutAsync(Key("r1/renditions/hls/720p/seg_002.ts"), Bytes("s2"), "video/mp2t");
        await Store.PutAsync(Key("r1/renditions/hls/master.m3u8"), Bytes("#EXTM3U"), "application/vnd.apple.mpegurl");
        await Store.PutAsync(Key("r10/renditions/keep"), Bytes("other resource"), "text/plain");

        await Store.DeletePrefixAsync(Key("r1/renditions/"));

        Assert.Equal([Key("r1/original"), Key("r10/renditions/keep")], await ListKeys(Prefix));
        Assert.Null(await Store.StatAsync(Key("r1/renditions/hls/master.m3u8")));
        await Store.DeletePrefixAsync(Key("r1/renditions/")); // nothing left: no error
    }

    [StoreFact]
    public async Task Delete_prefix_refuses_the_empty_prefix()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.DeletePrefixAsync(""));
    }

    [StoreFact]
    public async Task List_returns_the_blobs_under_a_prefix_with_lengths_and_etags()
    {
        var original = await Store.PutAsync(Key("r2/original"), Bytes("12345"), "video/mp4");
        await Store.PutAsync(Key("r2/renditions/thumb.jpg"), Bytes("123"), "image/jpeg");
        await Store.PutAsync(Key("r22/original"), Bytes("1"), "video/mp4");

        var all = await List(Prefix);
        var underR2 = await List(Key("r2/"));
        var partialSegment = await List(Key("r2")); // plain string prefix, as in S3

        Assert.Equal([Key("r2/original"), Key("r2/renditions/thumb.jpg"), Key("r22/original")], all.Select(i => i.Key));
        Assert.Equal([Key("r2/original"), Key("r2/renditions/thumb.jpg")], underR2.Select(i => i.Key));
        Assert.Equal(all.Select(i => i.Key), partialSegment.Select(i => i.Key));
        var item = underR2[0];
        Assert.Equal(5, item.Length);
        Assert.Equal(original.ETag, item.ETag);
        // Listings may carry milliseconds where HEAD (an HTTP date) has whole seconds.
        var statTime = (await Store.StatAsync(Key("r2/original")))!.LastModified;
        Assert.InRange(item.LastModified, statTime.AddSeconds(-1), statTime.AddSeconds(1));
        Assert.Empty(await List(Key("nope/")));
    }

    [StoreFact]
    public async Task Too_large_upload_throws_and_leaves_nothing_behind()
    {
        // 20 MiB against a 12 MiB limit: on S3 two 5 MiB parts are already uploaded when the limit is crossed.
        var store = NewStore(maxBytes: 12 * MiB);

        var e = await Assert.ThrowsAsync<BlobTooLargeException>(
            () => store.PutAsync(Key("huge"), new GeneratedStream(20 * MiB), "video/mp4"));

        Assert.Equal(12 * MiB, e.MaxBytes);
        Assert.Null(await store.StatAsync(Key("huge")));
        Assert.Empty(await ListKeys(Prefix));
        await AssertNoHiddenLeftoversAsync(Key("huge"));
    }

    [StoreFact]
    public async Task Too_large_overwrite_keeps_the_old_blob()
    {
        var store = NewStore(maxBytes: 1 * MiB);
        var old = await store.PutAsync(Key("kept"), Bytes("old content"), "text/plain");

        await Assert.ThrowsAsync<BlobTooLargeException>(
            () => store.PutAsync(Key("kept"), new GeneratedStream(2 * MiB), "text/plain"));

        var info = await store.StatAsync(Key("kept"));
        Assert.Equal(old.ETag, info?.ETag);
        Assert.Equal(old.Length, info?.Length);
    }

    [StoreFact]
    public async Task Failed_upload_leaves_nothing_behind()
    {
        // The client disconnects after 7 MiB: on S3 one part is uploaded by then.
        var content = new FailingStream(new GeneratedStream(20 * MiB), failAfter: 7 * MiB);

        await Assert.ThrowsAsync<IOException>(() => Store.PutAsync(Key("cut"), content, "video/mp4"));

        Assert.Null(await Store.StatAsync(Key("cut")));
        Assert.Empty(await ListKeys(Prefix));
        await AssertNoHiddenLeftoversAsync(Key("cut"));
    }

    [StoreFact]
    public async Task Invalid_keys_are_rejected_by_every_operation()
    {
        string[] invalid = ["", "/resources/x", "resources/../etc/passwd", "..", "a//b", "a/", "a\\b", "a b", "a?b",
            "a~b", "a/./b", "C:\\x", "a%2Fb"];

        foreach (var key in invalid)
        {
            await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(key, Bytes("x"), "text/plain"));
            await Assert.ThrowsAsync<ArgumentException>(() => Store.StatAsync(key));
            await Assert.ThrowsAsync<ArgumentException>(() => Store.OpenReadAsync(key));
            await Assert.ThrowsAsync<ArgumentException>(() => Store.DeleteAsync(key));
        }
        await Assert.ThrowsAsync<ArgumentException>(() => Store.DeletePrefixAsync("../"));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.ListAsync("/abs").ToListAsync());
    }

    [StoreFact]
    public async Task Invalid_content_types_are_rejected()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(Key("x"), Bytes("x"), ""));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(Key("x"), Bytes("x"), "text/plain\r\nX-Evil: 1"));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(Key("x"), Bytes("x"), "文本/纯文本"));
        Assert.Null(await Store.StatAsync(Key("x")));
    }

    [StoreFact]
    public async Task Chinese_keys_and_content_work()
    {
        var key = Key("教师培训/第一章_课件.pdf");
        var content = Encoding.UTF8.GetBytes("中文内容：小学数学教师培训");

        await Store.PutAsync(key, new MemoryStream(content), "text/plain; charset=utf-8");

        Assert.Equal([key], await ListKeys(Key("教师培训/")));
        Assert.Equal(content.Length, (await Store.StatAsync(key))?.Length);
        await using var read = await Store.OpenReadAsync(key, ByteRange.FromTo(0, 5));
        Assert.Equal(content[..6], await StreamAssert.ReadAllAsync(read!.Content));
        await Store.DeletePrefixAsync(Key("教师培训/"));
        Assert.Empty(await ListKeys(Prefix));
    }

    [StoreFact]
    public async Task Store_reports_ready()
    {
        Assert.True(await Store.IsReadyAsync());
    }

    private async Task<List<BlobListItem>> List(string prefix) =>
        (await Store.ListAsync(prefix).ToListAsync()).OrderBy(i => i.Key, StringComparer.Ordinal).ToList();

    protected async Task<List<string>> ListKeys(string prefix) =>
        (await List(prefix)).Select(i => i.Key).ToList();

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
            return;
        foreach (var store in _stores)
            (store as IDisposable)?.Dispose();
    }
}
