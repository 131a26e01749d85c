using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResourceHub.Api.Resources;
using ResourceHub.Blobs;
using ResourceHub.Data;
using ResourceHub.Domain.Resources;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Resources;

/// <summary>
/// Parallel PUT $value on one item: whatever wins, the bytes served afterwards are the ones the row
/// describes (Sha256, Size), losers change nothing, and every blob no row refers to is swept.
/// </summary>
public abstract class ConcurrentUploadTests(string provider, Func<IDictionary<string, string?>> settings)
    : ApiTest(provider, () => new Dictionary<string, string?>(settings())
    {
        ["ResourceHub:Blobs:Cleanup:GraceSeconds"] = "0",
        ["ResourceHub:Blobs:Cleanup:PollSeconds"] = "3600", // the test runs the passes itself
        ["ResourceHub:Role"] = "api", // no media worker: its renditions are not what this test is about
    })
{
    private const int Uploads = 6;

    private static byte[] Pdf(int seed) => TestFiles.Pdf(20_000 + seed * 1_000, seed); // every racer's bytes differ

    private static HttpRequestMessage Put(Uri resource, byte[] bytes, string? ifMatch)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/pdf");
        var request = new HttpRequestMessage(HttpMethod.Put, resource + "/$value") { Content = content };
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    private async Task<(HttpClient Client, Uri Uri, Guid Id)> DraftWithFileAsync()
    {
        var client = Api.ClientAs("alice", "vendor", "acme");
        var created = await client.PostAsJsonAsync("/odata/Resources", new { Kind = "courseware", Title = "圆的面积", Subject = "math", Stage = "primary" });
        created.EnsureSuccessStatusCode();
        var uri = created.Headers.Location!;
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(Put(uri, Pdf(0), null))).StatusCode);
        await using var db = Db.CreateContext();
        var id = (await db.Resources.SingleAsync()).Id;
        return (client, uri, id);
    }

    private async Task Racing_uploads_serve_what_the_row_describes(bool withIfMatch)
    {
        var (client, uri, id) = await DraftWithFileAsync();
        var etag = (await client.GetAsync(uri)).Headers.ETag!.ToString();

        var uploads = Enumerable.Range(1, Uploads).Select(Pdf).ToList();
        var responses = await Task.WhenAll(uploads.Select(bytes => client.SendAsync(Put(uri, bytes, withIfMatch ? etag : null))));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.NoContent, HttpStatusCode.PreconditionFailed }));
        var winners = responses.Count(r => r.StatusCode == HttpStatusCode.NoContent);
        if (withIfMatch)
            Assert.Equal(1, winners);
        else
            Assert.True(winners >= 1);

        await using var db = Db.CreateContext();
        var file = (await db.Resources.AsNoTracking().SingleAsync(r => r.Id == id)).File!;
        var served = await client.GetByteArrayAsync(uri + "/$value");
        Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(served)));
        Assert.Equal(file.Size, served.Length);
        Assert.Contains(uploads, u => u.AsSpan().SequenceEqual(served)); // one of this round's uploads won

        // The replaced file and every loser's blob are swept; only the row's file is left.
        var cleaner = Api.Services.GetRequiredService<BlobCleaner>();
        while (await cleaner.RunOnceAsync(CancellationToken.None) > 0) { }
        var blobs = Api.Services.GetRequiredService<IBlobStore>();
        var left = await blobs.ListAsync(ResourceBlobKeys.Folder(id)).Select(b => b.Key).ToListAsync();
        Assert.Equal([file.BlobKey], left);
        Assert.Equal(served, await client.GetByteArrayAsync(uri + "/$value"));
    }

    [Fact] public Task With_if_match() => Racing_uploads_serve_what_the_row_describes(withIfMatch: true);
    [Fact] public Task Without_if_match() => Racing_uploads_serve_what_the_row_describes(withIfMatch: false);
}

public sealed class SqliteLocalConcurrentUploadTests() : ConcurrentUploadTests(DatabaseOptions.Sqlite, () => new Dictionary<string, string?>());

[Trait("Provider", "postgres")]
public sealed class PostgresLocalConcurrentUploadTests() : ConcurrentUploadTests(DatabaseOptions.Postgres, () => new Dictionary<string, string?>());

[Trait("BlobStore", "s3")]
public sealed class SqliteS3ConcurrentUploadTests() : ConcurrentUploadTests(DatabaseOptions.Sqlite, TestEnvironment.S3Settings);

[Trait("Provider", "postgres")]
[Trait("BlobStore", "s3")]
public sealed class PostgresS3ConcurrentUploadTests() : ConcurrentUploadTests(DatabaseOptions.Postgres, TestEnvironment.S3Settings);
