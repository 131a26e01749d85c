using System.Buffers;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;

namespace ResourceHub.Blobs.S3;

/// <summary>
/// Stores blobs as objects in one S3 bucket. Uploads are streamed: content smaller than one part is a single
/// PutObject, anything larger a multipart upload buffering one part at a time. S3 makes a completed
/// PutObject/CompleteMultipartUpload visible atomically, which gives the overwrite guarantee.
/// </summary>
public sealed class S3BlobStore : IBlobStore, IDisposable
{
    private const int MaxParts = 10_000;

    private readonly IAmazonS3 _s3;
    private readonly bool _ownsClient;
    private readonly S3BlobStoreOptions _options;
    private readonly BlobStoreLimits _limits;
    private readonly SemaphoreSlim _bucketLock = new(1, 1);
    // Own small pool: the shared pool would keep many idle part-sized buffers around after a burst of uploads.
    private readonly ArrayPool<byte> _partBuffers;
    private volatile bool _bucketEnsured;

    public S3BlobStore(S3BlobStoreOptions options, BlobStoreLimits? limits = null)
        : this(options, limits, S3ClientFactory.Create(Validated(options, limits)), ownsClient: true)
    {
    }

    internal S3BlobStore(S3BlobStoreOptions options, BlobStoreLimits? limits, IAmazonS3 s3, bool ownsClient)
    {
        Validated(options, limits);
        _options = options;
        _limits = limits ?? new BlobStoreLimits();
        _s3 = s3;
        _ownsClient = ownsClient;
        _partBuffers = ArrayPool<byte>.Create((int)options.PartSizeBytes, maxArraysPerBucket: 4);
    }

    public string Bucket => _options.Bucket;

    public async Task<BlobWriteResult> PutAsync(string key, Stream content, string contentType, CancellationToken ct = default)
    {
        BlobKey.Validate(key);
        ArgumentNullException.ThrowIfNull(content);
        BlobContentType.Validate(contentType);
        await EnsureBucketAsync(ct).ConfigureAwait(false);

        using var hashing = new HashingStream(content, _limits.MaxBytes);
        var buffer = _partBuffers.Rent((int)_options.PartSizeBytes);
        try
        {
            var partSize = (int)_options.PartSizeBytes;
            var filled = await hashing.FillAsync(buffer.AsMemory(0, partSize), ct).ConfigureAwait(false);
            string eTag;
            if (filled < partSize)
            {
                using var body = new MemoryStream(buffer, 0, filled, writable: false);
                var response = await _s3.PutObjectAsync(new PutObjectRequest
                {
                    BucketName = Bucket,
                    Key = key,
                    InputStream = body,
                    AutoCloseStream = false,
                    ContentType = contentType,
                }, ct).ConfigureAwait(false);
                eTag = response.ETag;
            }
            else
            {
                eTag = await PutMultipartAsync(key, contentType, hashing, buffer, filled, ct).ConfigureAwait(false);
                if (string.IsNullOrEmpty(eTag))
                {
                    // Ceph RGW 16 answers CompleteMultipartUpload without an ETag the SDK can read; ask for it.
                    eTag = (await StatAsync(key, ct).ConfigureAwait(false))?.ETag ?? "";
                }
            }
            return new BlobWriteResult(key, hashing.BytesRead, hashing.Sha256Hex, contentType, eTag);
        }
        finally
        {
            _partBuffers.Return(buffer);
        }
    }

    /// <summary>Uploads the already filled first part and then the rest, one buffer at a time.</summary>
    private async Task<string> PutMultipartAsync(string key, string contentType, HashingStream hashing,
        byte[] buffer, int filled, CancellationToken ct)
    {
        var upload = await _s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = Bucket,
            Key = key,
            ContentType = contentType,
        }, ct).ConfigureAwait(false);
        try
        {
            var parts = new List<PartETag>();
            // The last part may be shorter (never empty: a full part followed by the end completes without one).
            while (filled > 0)
            {
                using var body = new MemoryStream(buffer, 0, filled, writable: false);
                var part = await _s3.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = Bucket,
                    Key = key,
                    UploadId = upload.UploadId,
                    PartNumber = parts.Count + 1,
                    PartSize = filled,
                    InputStream = body,
                }, ct).ConfigureAwait(false);
                parts.Add(new PartETag(parts.Count + 1, part.ETag));
                filled = await hashing.FillAsync(buffer.AsMemory(0, (int)_options.PartSizeBytes), ct).ConfigureAwait(false);
            }

            var completed = await _s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = Bucket,
                Key = key,
                UploadId = upload.UploadId,
                PartETags = parts,
            }, ct).ConfigureAwait(false);
            return completed.ETag;
        }
        catch
        {
            await AbortQuietlyAsync(key, upload.UploadId).ConfigureAwait(false);
            throw;
        }
    }

    private async Task AbortQuietlyAsync(string key, string uploadId)
    {
        try
        {
            // Not the caller's token: the abort must happen even when the upload was cancelled.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest
            {
                BucketName = Bucket,
                Key = key,
                UploadId = uploadId,
            }, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The original failure matters more; a bucket lifecycle rule for stale uploads is the backstop.
        }
    }

    public async Task<BlobInfo?> StatAsync(string key, CancellationToken ct = default)
    {
        BlobKey.Validate(key);
        await EnsureBucketAsync(ct).ConfigureAwait(false);
        try
        {
            var head = await _s3.GetObjectMetadataAsync(new GetObjectMetadataRequest
            {
                BucketName = Bucket,
                Key = key,
            }, ct).ConfigureAwait(false);
            return new BlobInfo(key, head.ContentLength, ContentTypeOf(head.Headers.ContentType),
                ToOffset(head.LastModified), head.ETag);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<BlobReadResult?> OpenReadAsync(string key, ByteRange? range = null, CancellationToken ct = default)
    {
        BlobKey.Validate(key);
        await EnsureBucketAsync(ct).ConfigureAwait(false);
        GetObjectResponse response;
        try
        {
            // The range goes to S3 as is (suffix ranges included), so length and bytes come from one response.
            response = await _s3.GetObjectAsync(new GetObjectRequest
            {
                BucketName = Bucket,
                Key = key,
                ByteRange = range is { } r ? new Amazon.S3.Model.ByteRange(r.ToString()) : null,
            }, ct).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && range is { } r)
        {
            var info = await StatAsync(key, ct).ConfigureAwait(false);
            if (info is null)
                return null;
            throw new BlobRangeNotSatisfiableException(r, info.Length);
        }

        try
        {
            var totalLength = response.ContentLength;
            ResolvedByteRange? resolved = null;
            if (range is { } requested)
            {
                if (response.HttpStatusCode == HttpStatusCode.PartialContent)
                    (resolved, totalLength) = ParseContentRange(response.ContentRange);
                else if (!requested.TryResolve(totalLength, out _))
                    throw new BlobRangeNotSatisfiableException(requested, totalLength);
                // Otherwise the server ignored the range and sends the whole object, which HTTP allows.
            }
            return new BlobReadResult(response.ResponseStream, totalLength,
                ContentTypeOf(response.Headers.ContentType), resolved, ToOffset(response.LastModified), response.ETag);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken ct = default)
    {
        BlobKey.Validate(key);
        await EnsureBucketAsync(ct).ConfigureAwait(false);
        await _s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = Bucket, Key = key }, ct).ConfigureAwait(false);
    }

    public async Task DeletePrefixAsync(string prefix, CancellationToken ct = default)
    {
        BlobKey.ValidatePrefix(prefix);
        if (prefix.Length == 0)
            throw new ArgumentException("Refusing to delete every blob: the prefix is empty.", nameof(prefix));

        // DeleteObjects takes at most 1000 keys, the size of one listing page.
        var batch = new List<KeyVersion>(1000);
        await foreach (var item in ListAsync(prefix, ct).ConfigureAwait(false))
        {
            batch.Add(new KeyVersion { Key = item.Key });
            if (batch.Count == 1000)
            {
                await DeleteBatchAsync(batch, ct).ConfigureAwait(false);
                batch.Clear();
            }
        }
        if (batch.Count > 0)
            await DeleteBatchAsync(batch, ct).ConfigureAwait(false);
    }

    private async Task DeleteBatchAsync(List<KeyVersion> keys, CancellationToken ct)
    {
        var response = await _s3.DeleteObjectsAsync(new DeleteObjectsRequest
        {
            BucketName = Bucket,
            Objects = keys,
            Quiet = true,
        }, ct).ConfigureAwait(false);
        if (response.DeleteErrors is { Count: > 0 } errors)
        {
            var first = errors[0];
            throw new IOException(
                $"S3 could not delete {errors.Count} object(s), e.g. '{first.Key}': {first.Code} {first.Message}");
        }
    }

    public IAsyncEnumerable<BlobListItem> ListAsync(string prefix, CancellationToken ct = default)
    {
        BlobKey.ValidatePrefix(prefix);
        return ListPagesAsync(prefix, ct);
    }

    private async IAsyncEnumerable<BlobListItem> ListPagesAsync(string prefix, [EnumeratorCancellation] CancellationToken ct)
    {
        await EnsureBucketAsync(ct).ConfigureAwait(false);
        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix };
        while (true)
        {
            var page = await _s3.ListObjectsV2Async(request, ct).ConfigureAwait(false);
            foreach (var o in page.S3Objects ?? [])
                yield return new BlobListItem(o.Key, o.Size ?? 0, ToOffset(o.LastModified), o.ETag);
            if (page.IsTruncated != true)
                yield break;
            request.ContinuationToken = page.NextContinuationToken;
        }
    }

    public async Task<int> SweepAbandonedUploadsAsync(DateTimeOffset idleSince, CancellationToken ct = default)
    {
        await EnsureBucketAsync(ct).ConfigureAwait(false);
        var swept = 0;
        var request = new ListMultipartUploadsRequest { BucketName = Bucket };
        while (true)
        {
            var page = await _s3.ListMultipartUploadsAsync(request, ct).ConfigureAwait(false);
            foreach (var upload in page.MultipartUploads ?? [])
            {
                if (upload.Initiated is { } initiated && initiated.ToUniversalTime() >= idleSince.UtcDateTime)
                    continue;
                // Started long ago is not enough: a long lesson may still be uploading. Idle means no recent part.
                if (await LastPartAtAsync(upload.Key, upload.UploadId, ct).ConfigureAwait(false) is { } last && last >= idleSince.UtcDateTime)
                    continue;
                await _s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest
                {
                    BucketName = Bucket,
                    Key = upload.Key,
                    UploadId = upload.UploadId,
                }, ct).ConfigureAwait(false);
                swept++;
            }
            if (page.IsTruncated != true)
                return swept;
            request.KeyMarker = page.NextKeyMarker;
            request.UploadIdMarker = page.NextUploadIdMarker;
        }
    }

    private async Task<DateTime?> LastPartAtAsync(string key, string uploadId, CancellationToken ct)
    {
        DateTime? last = null;
        var request = new ListPartsRequest { BucketName = Bucket, Key = key, UploadId = uploadId };
        while (true)
        {
            var page = await _s3.ListPartsAsync(request, ct).ConfigureAwait(false);
            foreach (var part in page.Parts ?? [])
                if (part.LastModified is { } at && (last is null || at.ToUniversalTime() > last))
                    last = at.ToUniversalTime();
            if (page.IsTruncated != true)
                return last;
            request.PartNumberMarker = page.NextPartNumberMarker?.ToString();
        }
    }

    public async Task<bool> IsReadyAsync(CancellationToken ct = default)
    {
        try
        {
            await EnsureBucketAsync(ct).ConfigureAwait(false);
            // Cheapest call that proves the endpoint, the credentials and the bucket all work.
            await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, MaxKeys = 1 }, ct)
                .ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Any failure (refused connection, timeout, bad credentials, missing bucket) means "not ready".
            return false;
        }
    }

    private async Task EnsureBucketAsync(CancellationToken ct)
    {
        if (!_options.CreateBucketIfMissing || _bucketEnsured)
            return;
        await _bucketLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_bucketEnsured)
                return;
            try
            {
                await _s3.PutBucketAsync(new PutBucketRequest { BucketName = Bucket }, ct).ConfigureAwait(false);
            }
            catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
            {
                // Already there. (If someone else owns it, the first real request fails with AccessDenied.)
            }
            _bucketEnsured = true;
        }
        finally
        {
            _bucketLock.Release();
        }
    }

    /// <summary>Parses <c>bytes 0-99/1000</c>.</summary>
    internal static (ResolvedByteRange Range, long TotalLength) ParseContentRange(string? contentRange)
    {
        var text = contentRange?.Trim() ?? "";
        var space = text.IndexOf(' ');
        var dash = text.IndexOf('-');
        var slash = text.IndexOf('/');
        if (space < 0 || dash < space || slash < dash
            || !long.TryParse(text.AsSpan(space + 1, dash - space - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !long.TryParse(text.AsSpan(dash + 1, slash - dash - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            || !long.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var total))
        {
            throw new InvalidDataException($"Unexpected Content-Range '{contentRange}' from S3.");
        }
        return (new ResolvedByteRange(first, last), total);
    }

    private static string ContentTypeOf(string? contentType) =>
        string.IsNullOrEmpty(contentType) ? BlobContentType.Default : contentType;

    private static DateTimeOffset ToOffset(DateTime? utc) =>
        utc is { } t ? new DateTimeOffset(t.ToUniversalTime(), TimeSpan.Zero) : DateTimeOffset.UnixEpoch;

    private static S3BlobStoreOptions Validated(S3BlobStoreOptions options, BlobStoreLimits? limits)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var maxBytes = (limits ?? new BlobStoreLimits()).MaxBytes;
        if (maxBytes > options.PartSizeBytes * MaxParts)
            throw new ArgumentException(
                $"MaxBytes {maxBytes} needs more than S3's {MaxParts} parts of {options.PartSizeBytes} bytes; " +
                "raise PartSizeBytes.");
        return options;
    }

    public void Dispose()
    {
        if (_ownsClient)
            _s3.Dispose();
        _bucketLock.Dispose();
    }
}
