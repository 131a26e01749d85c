using System.Security.Cryptography;
using ResourceHub.Blobs.Tests.Support;

namespace ResourceHub.Blobs.Tests;

public sealed class HashingStreamTests
{
    [Fact]
    public async Task Computes_sha256_and_length_while_streaming()
    {
        var content = GeneratedStream.Bytes(300_000, seed: 4);
        using var hashing = new HashingStream(new GeneratedStream(300_000, seed: 4), maxBytes: 1_000_000);

        await hashing.CopyToAsync(Stream.Null);

        Assert.True(hashing.Completed);
        Assert.Equal(300_000, hashing.BytesRead);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), hashing.Sha256Hex);
    }

    [Fact]
    public void Sha256_is_unavailable_before_the_end()
    {
        using var hashing = new HashingStream(new MemoryStream([1, 2, 3]), maxBytes: 10);

        hashing.ReadExactly(new byte[2]);

        Assert.False(hashing.Completed);
        Assert.Throws<InvalidOperationException>(() => hashing.Sha256Hex);
    }

    [Fact]
    public async Task Content_of_exactly_the_limit_passes()
    {
        using var hashing = new HashingStream(new GeneratedStream(1000), maxBytes: 1000);

        await hashing.CopyToAsync(Stream.Null);

        Assert.Equal(1000, hashing.BytesRead);
    }

    [Fact]
    public async Task Throws_on_the_read_that_crosses_the_limit()
    {
        using var hashing = new HashingStream(new MemoryStream(new byte[1001]), maxBytes: 1000);
        var buffer = new byte[600];

        Assert.Equal(600, await hashing.ReadAsync(buffer));
        var e = await Assert.ThrowsAsync<BlobTooLargeException>(() => hashing.ReadAsync(buffer).AsTask());

        Assert.Equal(1000, e.MaxBytes);
    }

    [Fact]
    public async Task Fill_reads_until_the_buffer_is_full_or_the_content_ends()
    {
        using var hashing = new HashingStream(new GeneratedStream(200_000), maxBytes: long.MaxValue);
        var buffer = new byte[150_000];

        Assert.Equal(150_000, await hashing.FillAsync(buffer, default));
        Assert.Equal(50_000, await hashing.FillAsync(buffer, default));
        Assert.Equal(0, await hashing.FillAsync(buffer, default));
        Assert.True(hashing.Completed);
    }

    [Fact]
    public async Task Empty_read_buffer_does_not_count_as_the_end()
    {
        using var hashing = new HashingStream(new MemoryStream([1, 2, 3]), maxBytes: 10);

        Assert.Equal(0, await hashing.ReadAsync(Memory<byte>.Empty));

        Assert.False(hashing.Completed);
    }
}
