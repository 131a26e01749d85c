using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Curation;

/// <summary>Replacing the file of a live item: the new file goes through review while teachers keep the reviewed one.</summary>
public abstract class CurationFileRevisionTests(string provider) : CurationApi(provider)
{
    private static readonly byte[] OldPdf = "%PDF-1.4\n旧版：圆的面积"u8.ToArray();
    private static readonly byte[] NewPdf = "%PDF-1.4\n新版：圆的面积（修订）"u8.ToArray();

    private static HttpRequestMessage Put(string item, byte[] bytes, string fileName, string contentType = "application/pdf")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName };
        return new HttpRequestMessage(HttpMethod.Put, item + "/$value") { Content = content };
    }

    /// <summary>A math micro-lesson with <see cref="OldPdf"/> as its file, reviewed and published.</summary>
    private async Task<string> PublishedWithFileAsync()
    {
        var item = await CreateAsync(Vendor);
        Assert.Equal(HttpStatusCode.NoContent, (await Vendor.SendAsync(Put(item, OldPdf, "圆的面积.pdf"))).StatusCode);
        await Json(await Act(Vendor, item, "Submit"));
        await Json(await Act(Expert("eve", "ys-edu"), item, "Review", ReviewBody(0.9)));
        await Json(await Act(Expert("ed", "hf-edu"), item, "Review", ReviewBody(0.8)));
        Assert.Equal("published", await StatusOf(Vendor, item));
        return item;
    }

    private static async Task<byte[]> Bytes(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<int> MediaJobsAsync(string item)
    {
        var id = Guid.Parse(item[(item.IndexOf('(') + 1)..item.IndexOf(')')]);
        await using var context = Db.CreateContext();
        return await context.MediaJobs.CountAsync(j => j.ResourceId == id);
    }

    protected async Task A_new_file_for_a_live_item_goes_through_review_while_teachers_keep_the_old_one()
    {
        var item = await PublishedWithFileAsync();
        Assert.Equal(1, await MediaJobsAsync(item));

        Assert.Equal(HttpStatusCode.NoContent, (await Vendor.SendAsync(Put(item, NewPdf, "圆的面积（修订）.pdf"))).StatusCode);
        Assert.Equal(OldPdf, await Bytes(await Teacher().GetAsync(item + "/$value")));
        var live = await Json(await Teacher().GetAsync(item));
        Assert.Equal(("圆的面积.pdf", "published"), (live.GetProperty("FileName").GetString(), live.GetProperty("Status").GetString()));
        Assert.Equal(NewPdf, await Bytes(await Expert("eve", "ys-edu").GetAsync(item + "/Revision/$value")));
        var pending = await Json(await Vendor.GetAsync(item + "/Revision"));
        Assert.Equal(("圆的面积（修订）.pdf", NewPdf.Length, "draft"),
            (pending.GetProperty("FileName").GetString(), pending.GetProperty("Size").GetInt32(), pending.GetProperty("Status").GetString()));
        Assert.EndsWith("/Revision/$value", pending.GetProperty("@odata.mediaReadLink").GetString());
        Assert.Equal(1, await MediaJobsAsync(item)); // nothing is transcoded before review

        await Json(await Act(Vendor, item, "Submit"));
        var queue = await Json(await Expert("eve", "ys-edu").GetAsync("/odata/Resources/ReviewQueue()"));
        var queued = queue.GetProperty("value").EnumerateArray().Single(e => item.Contains(e.GetProperty("Id").GetString()!));
        Assert.EndsWith("/Revision/$value", queued.GetProperty("@odata.mediaReadLink").GetString()); // reviewers open the new file
        var locked = await Error(await Vendor.SendAsync(Put(item, OldPdf, "再改.pdf")), HttpStatusCode.Conflict);
        Assert.Contains("不能修改", locked.GetProperty("message").GetString());
        await Json(await Act(Expert("eve", "ys-edu"), item, "Review", ReviewBody(0.9)));
        await Json(await Act(Expert("ed", "hf-edu"), item, "Review", ReviewBody(0.9)));

        Assert.Equal(NewPdf, await Bytes(await Teacher().GetAsync(item + "/$value")));
        Assert.Equal("圆的面积（修订）.pdf", (await Json(await Teacher().GetAsync(item))).GetProperty("FileName").GetString());
        Assert.Equal(2, await MediaJobsAsync(item));
        Assert.Equal(HttpStatusCode.NoContent, (await Vendor.GetAsync(item + "/Revision")).StatusCode);
        var history = await Json(await Vendor.GetAsync(item + "/History"));
        Assert.Equal(["revise", "submit", "start-review", "review", "review", "publish"], Strings(history, "Action").TakeLast(6));
        Assert.All(Strings(history, "OnRevision").TakeLast(6), onRevision => Assert.Equal("True", onRevision));
    }

    protected async Task Only_the_owner_replaces_and_only_reviewers_fetch_a_pending_file()
    {
        var item = await PublishedWithFileAsync();
        await Error(await Teacher().SendAsync(Put(item, NewPdf, "x.pdf")), HttpStatusCode.Forbidden);
        await Error(await Api.ClientAs("bob", "vendor", "ys-edu").SendAsync(Put(item, NewPdf, "x.pdf")), HttpStatusCode.Forbidden);
        var mismatch = await Vendor.SendAsync(Put(item, NewPdf, "x.mp4", "video/mp4"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, mismatch.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Vendor.GetAsync(item + "/Revision")).StatusCode);

        var edit = await Vendor.PatchAsJsonAsync(item, new { Title = "圆的面积（修订版）" });
        Assert.Equal(HttpStatusCode.NoContent, edit.StatusCode);
        var none = await Error(await Vendor.GetAsync(item + "/Revision/$value"), HttpStatusCode.NotFound);
        Assert.Contains("没有待审的新文件", none.GetProperty("message").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await Vendor.SendAsync(Put(item, NewPdf, "新.pdf"))).StatusCode);
        await Error(await Teacher().GetAsync(item + "/Revision/$value"), HttpStatusCode.Forbidden);
        await Error(await Expert("eric", "ys-edu", "chinese").GetAsync(item + "/Revision/$value"), HttpStatusCode.Forbidden);
        Assert.Equal(NewPdf, await Bytes(await Vendor.GetAsync(item + "/Revision/$value")));
        var pending = await Json(await Vendor.GetAsync(item + "/Revision"));
        Assert.Equal(("圆的面积（修订版）", "新.pdf"), (pending.GetProperty("Title").GetString(), pending.GetProperty("FileName").GetString()));
    }
}

public sealed class SqliteCurationFileRevisionTests() : CurationFileRevisionTests(DatabaseOptions.Sqlite)
{
    [Fact] public Task Replace_live_file() => A_new_file_for_a_live_item_goes_through_review_while_teachers_keep_the_old_one();
    [Fact] public Task Who_may() => Only_the_owner_replaces_and_only_reviewers_fetch_a_pending_file();
}

[Trait("Provider", "postgres")]
public sealed class PostgresCurationFileRevisionTests() : CurationFileRevisionTests(DatabaseOptions.Postgres)
{
    [PostgresFact] public Task Replace_live_file() => A_new_file_for_a_live_item_goes_through_review_while_teachers_keep_the_old_one();
    [PostgresFact] public Task Who_may() => Only_the_owner_replaces_and_only_reviewers_fetch_a_pending_file();
}
