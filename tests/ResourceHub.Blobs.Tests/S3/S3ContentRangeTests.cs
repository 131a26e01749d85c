using ResourceHub.Blobs.S3;

namespace ResourceHub.Blobs.Tests.S3;

public sealed class S3ContentRangeTests
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
}
