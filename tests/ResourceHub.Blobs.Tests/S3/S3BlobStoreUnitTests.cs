using ResourceHub.Blobs.S3;

namespace ResourceHub.Blobs.Tests.S3;

public sealed class S3BlobStoreUnitTests
{
    [Fact]
    public void Parses_the_content_range_of_a_partial_response()
    {
        var (range, total) = S3BlobStore.ParseContentRange("bytes 100-199/1000");

        Assert.Equal(new ResolvedByteRange(100, 199), range);
        Assert.Equal(1000, total);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("bytes */1000")]
    [InlineData("bytes 1-2")]
    public void Rejects_unexpected_content_ranges(string? header)
    {
        Assert.Throws<InvalidDataException>(() => S3BlobStore.ParseContentRange(header));
    }

    [Fact]
    public void Options_are_validated()
    {
        var valid = new S3BlobStoreOptions
        {
            ServiceUrl = "http://minio:9000", Bucket = "resources", AccessKey = "a", SecretKey = "s",
        };
        valid.Validate();
        Assert.Equal("us-east-1", valid.Region);
        Assert.Equal(16 * 1024 * 1024, valid.PartSizeBytes);

        Assert.Throws<ArgumentException>(() => With(o => o.ServiceUrl = "minio:9000").Validate());
        Assert.Throws<ArgumentException>(() => With(o => o.Bucket = "").Validate());
        Assert.Throws<ArgumentException>(() => With(o => o.SecretKey = "").Validate());
        Assert.Throws<ArgumentException>(() => With(o => o.PartSizeBytes = 1024 * 1024).Validate());

        S3BlobStoreOptions With(Action<S3BlobStoreOptions> change)
        {
            var o = new S3BlobStoreOptions
            {
                ServiceUrl = valid.ServiceUrl, Bucket = valid.Bucket, AccessKey = "a", SecretKey = "s",
            };
            change(o);
            return o;
        }
    }

    [Fact]
    public void Limit_must_fit_into_ten_thousand_parts()
    {
        var options = new S3BlobStoreOptions
        {
            ServiceUrl = "http://127.0.0.1:1", Bucket = "b", AccessKey = "a", SecretKey = "s",
            PartSizeBytes = S3BlobStoreOptions.MinPartSizeBytes,
        };

        Assert.Throws<ArgumentException>(() => new S3BlobStore(options, new BlobStoreLimits { MaxBytes = 60_000_000_000 }));
        using var fits = new S3BlobStore(options, new BlobStoreLimits { MaxBytes = 50_000_000_000 });
        Assert.Equal("b", fits.Bucket);
    }

    [Fact]
    public async Task Unreachable_endpoint_is_not_ready()
    {
        // Port 1 on loopback refuses connections at once; IsReadyAsync must report false, not throw.
        using var store = new S3BlobStore(new S3BlobStoreOptions
        {
            ServiceUrl = "http://127.0.0.1:1", Bucket = "resources", AccessKey = "a", SecretKey = "s",
        });

        Assert.False(await store.IsReadyAsync());
    }
}
