using Amazon.S3;
using Amazon.S3.Model;
using ResourceHub.Blobs.S3;
using ResourceHub.Blobs.Tests.Support;

namespace ResourceHub.Blobs.Tests.S3;

/// <summary>Creates one bucket for the test class and removes it, with everything in it, afterwards.</summary>
public sealed class S3BucketFixture : IAsyncLifetime
{
    public string Bucket { get; } = S3TestEnvironment.NewBucketName("blobs");

    public AmazonS3Client? Client { get; private set; }

    public async Task InitializeAsync()
    {
        if (S3TestEnvironment.SkipReason is not null)
            return;
        Client = S3ClientFactory.Create(S3TestEnvironment.Options(Bucket));
        await Client.PutBucketAsync(new PutBucketRequest { BucketName = Bucket });
    }

    public async Task DisposeAsync()
    {
        if (Client is null)
            return;
        using var store = new S3BlobStore(S3TestEnvironment.Options(Bucket));
        await foreach (var item in store.ListAsync(""))
            await store.DeleteAsync(item.Key);
        var uploads = await Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = Bucket });
        foreach (var u in uploads.MultipartUploads ?? [])
            await Client.AbortMultipartUploadAsync(Bucket, u.Key, u.UploadId);
        await Client.DeleteBucketAsync(Bucket);
        Client.Dispose();
    }
}

[RequiresS3]
public sealed class S3BlobStoreTests(S3BucketFixture bucket) : BlobStoreContract, IClassFixture<S3BucketFixture>
{
    protected override IBlobStore CreateStore(BlobStoreLimits limits) =>
        new S3BlobStore(S3TestEnvironment.Options(bucket.Bucket), limits);

    protected override async Task AssertNoHiddenLeftoversAsync(string key)
    {
        var uploads = await bucket.Client!.ListMultipartUploadsAsync(new ListMultipartUploadsRequest
        {
            BucketName = bucket.Bucket,
            Prefix = key,
        });
        Assert.Empty(uploads.MultipartUploads ?? []);
    }

    [S3Fact]
    public async Task Missing_bucket_is_not_ready()
    {
        using var store = new S3BlobStore(S3TestEnvironment.Options(S3TestEnvironment.NewBucketName("absent")));

        Assert.False(await store.IsReadyAsync());
    }

    [S3Fact]
    public async Task Wrong_credentials_are_not_ready()
    {
        var options = S3TestEnvironment.Options(bucket.Bucket);
        options.SecretKey = "wrong-secret";
        using var store = new S3BlobStore(options);

        Assert.False(await store.IsReadyAsync());
    }

    [S3Fact]
    public async Task Missing_bucket_is_created_when_configured()
    {
        var options = S3TestEnvironment.Options(S3TestEnvironment.NewBucketName("created"));
        options.CreateBucketIfMissing = true;
        using var store = new S3BlobStore(options);
        try
        {
            Assert.True(await store.IsReadyAsync());
            await store.PutAsync("resources/a/original", new MemoryStream([1, 2]), "video/mp4");
            Assert.Equal(2, (await store.StatAsync("resources/a/original"))?.Length);
        }
        finally
        {
            await store.DeletePrefixAsync("resources/");
            await bucket.Client!.DeleteBucketAsync(options.Bucket);
        }
    }

    [S3Fact]
    public async Task Content_type_is_stored_as_the_S3_content_type()
    {
        await Store.PutAsync(Prefix + "page.pdf", new MemoryStream("%PDF-1.7"u8.ToArray()), "application/pdf");

        var head = await bucket.Client!.GetObjectMetadataAsync(bucket.Bucket, Prefix + "page.pdf");

        Assert.Equal("application/pdf", head.Headers.ContentType);
    }

    [S3Fact]
    public async Task Upload_above_one_part_is_a_multipart_object()
    {
        // S3 gives multipart objects an ETag ending in "-{part count}".
        var written = await Store.PutAsync(Prefix + "multi", new GeneratedStream(11 * MiB), "video/mp4");
        var single = await Store.PutAsync(Prefix + "single", new GeneratedStream(4 * MiB), "video/mp4");

        Assert.EndsWith("-3\"", written.ETag);
        Assert.DoesNotContain('-', single.ETag);
    }

    [S3Fact]
    public async Task Upload_of_exactly_one_part_completes_without_an_empty_second_part()
    {
        const long length = S3BlobStoreOptions.MinPartSizeBytes;

        var written = await Store.PutAsync(Prefix + "one-part", new GeneratedStream(length, seed: 11), "video/mp4");

        Assert.EndsWith("-1\"", written.ETag);
        await using var read = await Store.OpenReadAsync(Prefix + "one-part");
        Assert.Equal(length, read!.TotalLength);
        await StreamAssert.EqualAsync(new GeneratedStream(length, seed: 11), read.Content);
    }

    [S3Fact]
    public async Task List_and_delete_prefix_span_several_pages()
    {
        // S3 lists and deletes at most 1000 keys per request: 1005 segments need two of each.
        var keys = Enumerable.Range(1, 1005).Select(i => $"{Prefix}r/renditions/hls/seg_{i:D4}.ts").ToList();
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (key, ct) => await Store.PutAsync(key, new MemoryStream([0x47]), "video/mp2t", ct));

        Assert.Equal(keys, await ListKeys(Prefix));
        await Store.DeletePrefixAsync(Prefix + "r/renditions/");
        Assert.Empty(await ListKeys(Prefix));
    }
    [S3Fact]
    public async Task Incomplete_multipart_uploads_are_aborted_once_idle_for_the_grace_period()
    {
        await Store.PutAsync(Prefix + "kept", new MemoryStream([1]), "video/mp4");
        var client = bucket.Client!;
        await client.InitiateMultipartUploadAsync(bucket.Bucket, Prefix + "killed-before-a-part");
        var started = await client.InitiateMultipartUploadAsync(bucket.Bucket, Prefix + "killed-after-a-part");
        await client.UploadPartAsync(new UploadPartRequest
        {
            BucketName = bucket.Bucket, Key = Prefix + "killed-after-a-part", UploadId = started.UploadId,
            PartNumber = 1, InputStream = new MemoryStream(new byte[1000]),
        });

        // Inside the grace period (10 minutes): a live upload may still send its next part.
        Assert.Equal(0, await Store.SweepAbandonedUploadsAsync(DateTimeOffset.UtcNow.AddMinutes(-10)));
        Assert.Equal(2, (await UploadsAsync()).Count);

        // Grace 0: both are abandoned.
        Assert.Equal(2, await Store.SweepAbandonedUploadsAsync(DateTimeOffset.UtcNow.AddSeconds(2)));
        Assert.Empty(await UploadsAsync());
        Assert.NotNull(await Store.StatAsync(Prefix + "kept")); // blobs are never touched
    }

    private async Task<List<MultipartUpload>> UploadsAsync() =>
        (await bucket.Client!.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket.Bucket, Prefix = Prefix }))
        .MultipartUploads ?? [];
}
