using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResourceHub.Api.Resources;
using ResourceHub.Blobs;
using ResourceHub.Data;
using ResourceHub.Domain.Resources;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Resources;

/// <summary>tus uploads at /uploads: parts, a dropped connection, resume from HEAD, the limits and who may continue.</summary>
public abstract class ResumableUploadTests(string provider, Func<IDictionary<string, string?>> settings)
    : ApiTest(provider, () => new Dictionary<string, string?>(settings())
    {
        ["ResourceHub:Blobs:MaxBytes"] = MaxBytes.ToString(),
        ["ResourceHub:Blobs:Cleanup:GraceSeconds"] = "0",
        ["ResourceHub:Blobs:Cleanup:PollSeconds"] = "3600", // the test runs the passes itself
        ["ResourceHub:Role"] = "api",
    })
{
    private const long MaxBytes = 3_000_000;
    private const int PartSize = 256 * 1024;
    private HttpClient _vendor = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _vendor = Api.ClientAs("alice", "vendor", "acme");
    }

    private static byte[] Pdf(int size) => TestFiles.Pdf(size, seed: 7);

    private async Task<(Uri Uri, Guid Id)> CreateResourceAsync()
    {
        var created = await _vendor.PostAsJsonAsync("/odata/Resources", new { Kind = "courseware", Title = "圆的面积", Subject = "math", Stage = "primary" });
        created.EnsureSuccessStatusCode();
        await using var db = Db.CreateContext();
        return (created.Headers.Location!, (await db.Resources.SingleAsync()).Id);
    }

    private static string B64(string value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(value));

    private static async Task<HttpResponseMessage> StartAsync(HttpClient client, Guid resource, long length)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/uploads");
        request.Headers.Add("Tus-Resumable", "1.0.0");
        request.Headers.Add("Upload-Length", length.ToString());
        request.Headers.Add("Upload-Metadata", $"resource {B64(resource.ToString())},filename {B64("圆的面积 课件.pdf")},filetype {B64("application/pdf")}");
        return await client.SendAsync(request);
    }

    private static HttpRequestMessage Patch(string upload, long offset, HttpContent content)
    {
        content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        var request = new HttpRequestMessage(HttpMethod.Patch, upload) { Content = content };
        request.Headers.Add("Tus-Resumable", "1.0.0");
        request.Headers.Add("Upload-Offset", offset.ToString());
        return request;
    }

    private static async Task<long> OffsetAsync(HttpClient client, string upload)
    {
        var head = new HttpRequestMessage(HttpMethod.Head, upload);
        head.Headers.Add("Tus-Resumable", "1.0.0");
        var response = await client.SendAsync(head);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return long.Parse(response.Headers.GetValues("Upload-Offset").Single());
    }

    private async Task<string> StartedAsync(Guid resource, long length)
    {
        var started = await StartAsync(_vendor, resource, length);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        return started.Headers.Location!.ToString();
    }

    [Fact]
    public async Task Parts_resume_from_head_after_a_dropped_connection_and_the_row_describes_the_bytes()
    {
        var (uri, id) = await CreateResourceAsync();
        var bytes = Pdf(PartSize * 4 + 1234);
        var upload = await StartedAsync(id, bytes.Length);

        Assert.Equal(HttpStatusCode.NoContent, (await _vendor.SendAsync(Patch(upload, 0, new ByteArrayContent(bytes, 0, PartSize)))).StatusCode);

        // The connection drops half-way through the second part: nothing of it counts.
        using (var cancel = new CancellationTokenSource())
        {
            var dropping = new StreamContent(new DroppingStream(bytes.AsMemory(PartSize, PartSize), PartSize / 2, cancel));
            await Assert.ThrowsAnyAsync<Exception>(() => _vendor.SendAsync(Patch(upload, PartSize, dropping), cancel.Token));
        }
        var offset = await OffsetAsync(_vendor, upload);
        Assert.Equal(PartSize, offset);

        while (offset < bytes.Length)
        {
            var size = (int)Math.Min(PartSize, bytes.Length - offset);
            var response = await _vendor.SendAsync(Patch(upload, offset, new ByteArrayContent(bytes, (int)offset, size)));
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            offset = long.Parse(response.Headers.GetValues("Upload-Offset").Single());
        }

        var entity = await _vendor.GetFromJsonAsync<Dictionary<string, object?>>(uri);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), entity!["Sha256"]?.ToString());
        Assert.Equal(bytes, await _vendor.GetByteArrayAsync(uri + "/$value"));
        var download = await _vendor.GetAsync(uri + "/$value");
        Assert.Equal("圆的面积 课件.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);

        // The session is finished: it is gone, and its parts are swept with it.
        var head = new HttpRequestMessage(HttpMethod.Head, upload);
        head.Headers.Add("Tus-Resumable", "1.0.0");
        Assert.Equal(HttpStatusCode.NotFound, (await _vendor.SendAsync(head)).StatusCode);
        await SweepAsync();
        var blobs = Api.Services.GetRequiredService<IBlobStore>();
        var left = await blobs.ListAsync(ResourceBlobKeys.Folder(id)).Select(b => b.Key).ToListAsync();
        await using var db = Db.CreateContext();
        Assert.Equal([(await db.Resources.SingleAsync()).File!.BlobKey], left);
    }

    [Fact]
    public async Task A_part_at_the_wrong_offset_is_409_and_changes_nothing()
    {
        var (_, id) = await CreateResourceAsync();
        var bytes = Pdf(PartSize * 2);
        var upload = await StartedAsync(id, bytes.Length);
        Assert.Equal(HttpStatusCode.NoContent, (await _vendor.SendAsync(Patch(upload, 0, new ByteArrayContent(bytes, 0, PartSize)))).StatusCode);

        var again = await _vendor.SendAsync(Patch(upload, 0, new ByteArrayContent(bytes, 0, PartSize)));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("分片位置", await again.Content.ReadAsStringAsync());
        Assert.Equal(PartSize, await OffsetAsync(_vendor, upload));
    }

    [Fact]
    public async Task Over_the_limit_is_413_at_creation_and_past_the_declared_length()
    {
        var (_, id) = await CreateResourceAsync();
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await StartAsync(_vendor, id, MaxBytes + 1)).StatusCode);

        var upload = await StartedAsync(id, 1000);
        var tooMuch = await _vendor.SendAsync(Patch(upload, 0, new ByteArrayContent(Pdf(2000))));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooMuch.StatusCode);
        Assert.Equal(0, await OffsetAsync(_vendor, upload));
    }

    [Fact]
    public async Task Another_user_can_neither_start_nor_continue_nor_see_an_upload()
    {
        var (_, id) = await CreateResourceAsync();
        var stranger = Api.ClientAs("bob", "vendor", "lumen");
        var start = await StartAsync(stranger, id, 1000);
        Assert.True(start.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"got {start.StatusCode}");

        var upload = await StartedAsync(id, 1000);
        var head = new HttpRequestMessage(HttpMethod.Head, upload);
        head.Headers.Add("Tus-Resumable", "1.0.0");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.SendAsync(head)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.SendAsync(Patch(upload, 0, new ByteArrayContent(Pdf(1000))))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.ClientAs(null).SendAsync(Patch(upload, 0, new ByteArrayContent(Pdf(1000))))).StatusCode);
        Assert.Equal(0, await OffsetAsync(_vendor, upload));
    }

    [Fact]
    public async Task An_abandoned_upload_expires_and_its_parts_are_swept()
    {
        var (_, id) = await CreateResourceAsync();
        var upload = await StartedAsync(id, PartSize * 2);
        Assert.Equal(HttpStatusCode.NoContent, (await _vendor.SendAsync(Patch(upload, 0, new ByteArrayContent(Pdf(PartSize))))).StatusCode);
        var blobs = Api.Services.GetRequiredService<IBlobStore>();
        Assert.Single(await blobs.ListAsync(ResourceBlobKeys.Folder(id)).ToListAsync());

        await using (var db = Db.CreateContext())
            await db.Set<UploadSession>().ExecuteUpdateAsync(s => s.SetProperty(x => x.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
        var head = new HttpRequestMessage(HttpMethod.Head, upload);
        head.Headers.Add("Tus-Resumable", "1.0.0");
        Assert.Equal(HttpStatusCode.NotFound, (await _vendor.SendAsync(head)).StatusCode);

        await SweepAsync();
        await using (var db = Db.CreateContext())
        {
            Assert.Empty(await db.Set<UploadSession>().ToListAsync());
            Assert.Empty(await db.Set<UploadPart>().ToListAsync());
        }
        Assert.Empty(await blobs.ListAsync(ResourceBlobKeys.Folder(id)).ToListAsync());
    }

    [Fact]
    public async Task Termination_removes_the_session_and_a_missing_tus_header_is_412()
    {
        var (_, id) = await CreateResourceAsync();
        var upload = await StartedAsync(id, 1000);
        var noTus = new HttpRequestMessage(HttpMethod.Head, upload);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await _vendor.SendAsync(noTus)).StatusCode);

        var delete = new HttpRequestMessage(HttpMethod.Delete, upload);
        delete.Headers.Add("Tus-Resumable", "1.0.0");
        Assert.Equal(HttpStatusCode.NoContent, (await _vendor.SendAsync(delete)).StatusCode);
        await using var db = Db.CreateContext();
        Assert.Empty(await db.Set<UploadSession>().ToListAsync());
    }

    private async Task SweepAsync()
    {
        var cleaner = Api.Services.GetRequiredService<BlobCleaner>();
        while (await cleaner.RunOnceAsync(CancellationToken.None) > 0) { }
    }

    /// <summary>Yields some bytes, then cancels the request as a lost connection would.</summary>
    private sealed class DroppingStream(ReadOnlyMemory<byte> bytes, int dropAfter, CancellationTokenSource cancel) : Stream
    {
        private int _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => bytes.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position >= dropAfter)
            {
                await cancel.CancelAsync();
                throw new IOException("connection dropped");
            }
            var count = Math.Min(buffer.Length, dropAfter - _position);
            bytes.Slice(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }
    }
}

public sealed class SqliteLocalResumableUploadTests() : ResumableUploadTests(DatabaseOptions.Sqlite, () => new Dictionary<string, string?>());

[Trait("Provider", "postgres")]
public sealed class PostgresLocalResumableUploadTests() : ResumableUploadTests(DatabaseOptions.Postgres, () => new Dictionary<string, string?>());

[Trait("BlobStore", "s3")]
public sealed class SqliteS3ResumableUploadTests() : ResumableUploadTests(DatabaseOptions.Sqlite, TestEnvironment.S3Settings);

[Trait("Provider", "postgres")]
[Trait("BlobStore", "s3")]
public sealed class PostgresS3ResumableUploadTests() : ResumableUploadTests(DatabaseOptions.Postgres, TestEnvironment.S3Settings);
