using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ResourceHub.Blobs.DependencyInjection;
using ResourceHub.Blobs.Local;
using ResourceHub.Blobs.S3;

namespace ResourceHub.Blobs.Tests.DependencyInjection;

public sealed class AddBlobStoreTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddBlobStore(configuration).BuildServiceProvider();
    }

    [Fact]
    public void Without_s3_settings_uses_local_files_under_the_data_dir()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "rh-di-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var services = Build(new() { ["ResourceHub:DataDir"] = dataDir });

            var store = Assert.IsType<LocalFileBlobStore>(services.GetRequiredService<IBlobStore>());

            Assert.Equal(Path.Combine(dataDir, "blobs"), store.RootDirectory);
            Assert.Equal(BlobStoreLimits.DefaultMaxBytes, services.GetRequiredService<BlobStoreLimits>().MaxBytes);
        }
        finally
        {
            if (Directory.Exists(dataDir))
                Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public void Default_data_dir_is_data_in_the_working_directory()
    {
        using var services = Build([]);

        var store = Assert.IsType<LocalFileBlobStore>(services.GetRequiredService<IBlobStore>());

        Assert.Equal(Path.GetFullPath("./data/blobs"), store.RootDirectory);
    }

    [Fact]
    public void With_an_s3_service_url_uses_s3()
    {
        using var services = Build(new()
        {
            ["ResourceHub:S3:ServiceUrl"] = "http://127.0.0.1:9000",
            ["ResourceHub:S3:Bucket"] = "resources",
            ["ResourceHub:S3:AccessKey"] = "minio",
            ["ResourceHub:S3:SecretKey"] = "minio-secret",
            ["ResourceHub:S3:PartSizeBytes"] = "33554432",
            ["ResourceHub:S3:CreateBucketIfMissing"] = "true",
            ["ResourceHub:Blobs:MaxBytes"] = "1048576",
        });

        var store = Assert.IsType<S3BlobStore>(services.GetRequiredService<IBlobStore>());
        var options = services.GetRequiredService<S3BlobStoreOptions>();

        Assert.Equal("resources", store.Bucket);
        Assert.Equal(32 * 1024 * 1024, options.PartSizeBytes);
        Assert.True(options.CreateBucketIfMissing);
        Assert.Equal("us-east-1", options.Region);
        Assert.Equal(1024 * 1024, services.GetRequiredService<BlobStoreLimits>().MaxBytes);
        Assert.Same(store, services.GetRequiredService<IBlobStore>());
    }

    [Fact]
    public void Incomplete_s3_settings_fail_at_registration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ResourceHub:S3:ServiceUrl"] = "http://127.0.0.1:9000",
        }).Build();

        var e = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddBlobStore(configuration));

        Assert.Contains("Bucket", e.Message);
    }
}
