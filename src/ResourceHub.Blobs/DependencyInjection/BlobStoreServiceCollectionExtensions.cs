using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ResourceHub.Blobs.Local;
using ResourceHub.Blobs.S3;

namespace ResourceHub.Blobs.DependencyInjection;

public static class BlobStoreServiceCollectionExtensions
{
    public const string S3Section = "ResourceHub:S3";
    public const string DataDirKey = "ResourceHub:DataDir";
    public const string MaxBytesKey = "ResourceHub:Blobs:MaxBytes";
    public const string DefaultDataDir = "./data";

    /// <summary>
    /// Registers a singleton <see cref="IBlobStore"/> and <see cref="BlobStoreLimits"/>:
    /// <see cref="S3BlobStore"/> when <c>ResourceHub:S3:ServiceUrl</c> is set (env <c>ResourceHub__S3__ServiceUrl</c>),
    /// otherwise <see cref="LocalFileBlobStore"/> under <c>{ResourceHub:DataDir}/blobs</c> (default <c>./data/blobs</c>).
    /// Settings are read and validated now, so a bad configuration fails at startup, not on the first upload.
    /// </summary>
    public static IServiceCollection AddBlobStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var limits = new BlobStoreLimits
        {
            MaxBytes = configuration.GetValue(MaxBytesKey, BlobStoreLimits.DefaultMaxBytes),
        };
        services.AddSingleton(limits);

        var s3Section = configuration.GetSection(S3Section);
        if (!string.IsNullOrWhiteSpace(s3Section["ServiceUrl"]))
        {
            var options = s3Section.Get<S3BlobStoreOptions>()!;
            options.Validate();
            services.AddSingleton(options);
            services.AddSingleton<IBlobStore>(_ => new S3BlobStore(options, limits));
        }
        else
        {
            var dataDir = configuration[DataDirKey];
            var root = Path.GetFullPath(Path.Combine(string.IsNullOrWhiteSpace(dataDir) ? DefaultDataDir : dataDir, "blobs"));
            services.AddSingleton<IBlobStore>(_ => new LocalFileBlobStore(root, limits));
        }
        return services;
    }
}
