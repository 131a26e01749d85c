namespace ResourceHub.Blobs;

/// <summary>Limits shared by every <see cref="IBlobStore"/> adapter.</summary>
public sealed class BlobStoreLimits
{
    public const long DefaultMaxBytes = 8L * 1024 * 1024 * 1024;

    /// <summary>Largest blob accepted by <see cref="IBlobStore.PutAsync"/>; 8 GiB unless configured.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;
}
