using Amazon.Runtime;
using Amazon.S3;

namespace ResourceHub.Blobs.S3;

internal static class S3ClientFactory
{
    public static AmazonS3Client Create(S3BlobStoreOptions options)
    {
        var config = new AmazonS3Config
        {
            ServiceURL = options.ServiceUrl,
            AuthenticationRegion = options.Region,
            // MinIO and Ceph serve buckets by path, not as virtual hosts.
            ForcePathStyle = true,
            // Newer SDKs add CRC checksums to every request and validate them on responses;
            // MinIO and Ceph do not all support that, so only send them where S3 requires them.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        return new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }
}
