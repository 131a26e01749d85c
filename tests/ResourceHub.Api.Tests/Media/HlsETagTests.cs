using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResourceHub.Blobs;
using ResourceHub.Data;
using ResourceHub.Domain.Renditions;
using ResourceHub.Domain.Resources;
using ResourceHub.Media.Pipeline;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Media;

/// <summary>Each file of an HLS rendition has its own validator: a segment never revalidates with the playlist's ETag.</summary>
public sealed class HlsETagTests() : ApiTest(DatabaseOptions.Sqlite, () => new Dictionary<string, string?> { ["ResourceHub:Role"] = "api" })
{
    [Fact]
    public async Task Every_hls_file_has_its_own_etag()
    {
        var vendor = Api.ClientAs("alice", "vendor", "acme");
        var created = await vendor.PostAsJsonAsync("/odata/Resources", new { Kind = "micro-lesson", Title = "圆的面积", Subject = "math", Stage = "primary" });
        created.EnsureSuccessStatusCode();
        await using var db = Db.CreateContext();
        var id = (await db.Resources.SingleAsync()).Id;
        var set = ResourceBlobKeys.RenditionSet(id);
        var blobs = Api.Services.GetRequiredService<IBlobStore>();
        await blobs.PutAsync(set + "hls/master.m3u8", new MemoryStream("#EXTM3U\n720p/index.m3u8\n"u8.ToArray()), "application/vnd.apple.mpegurl");
        await blobs.PutAsync(set + "hls/720p/index.m3u8", new MemoryStream("#EXTM3U\nseg_000.ts\n"u8.ToArray()), "application/vnd.apple.mpegurl");
        await blobs.PutAsync(set + "hls/720p/seg_000.ts", new MemoryStream(new byte[376]), "video/mp2t");
        db.Renditions.Add(new Rendition
        {
            Id = Guid.NewGuid(), ResourceId = id, Kind = RenditionKind.Hls.Key(), ContentType = "application/vnd.apple.mpegurl",
            BlobKey = set + "hls/master.m3u8", BlobPrefix = set, CreatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();

        var paths = new[] { "master.m3u8", "720p/index.m3u8", "720p/seg_000.ts" };
        var tags = new List<string>();
        foreach (var path in paths)
        {
            var response = await vendor.GetAsync($"/media/{id}/hls/{path}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            tags.Add(response.Headers.ETag!.ToString());
        }
        Assert.Equal(paths.Length, tags.Distinct().Count());

        // The playlist's tag does not validate a segment; the segment's own tag does.
        var withPlaylistTag = new HttpRequestMessage(HttpMethod.Get, $"/media/{id}/hls/720p/seg_000.ts");
        withPlaylistTag.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(tags[0]));
        Assert.Equal(HttpStatusCode.OK, (await vendor.SendAsync(withPlaylistTag)).StatusCode);
        var withOwnTag = new HttpRequestMessage(HttpMethod.Get, $"/media/{id}/hls/720p/seg_000.ts");
        withOwnTag.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(tags[2]));
        Assert.Equal(HttpStatusCode.NotModified, (await vendor.SendAsync(withOwnTag)).StatusCode);
    }
}
