using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using ResourceHub.Api.Tests.Curation;
using ResourceHub.Data;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Duplicates;
using ResourceHub.Domain.Packages;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Duplicates;

/// <summary>
/// An admin merges a duplicate into the item kept: the old id redirects, both histories stay readable, what teachers
/// did with the duplicate moves to the kept item, search stops finding it, and only admins of both items' region may.
/// </summary>
public abstract class MergeTests(string provider) : CurationApi(provider)
{
    private HttpClient Root => Admin("root", "ah-edu");

    private static Task<HttpResponseMessage> MergeAsync(HttpClient client, string keep, object? duplicate) =>
        Act(client, keep, "Merge", duplicate is null ? new { } : new { Duplicate = duplicate });

    private static Guid IdOf(string item) => Guid.Parse(item[(item.IndexOf('(') + 1)..item.IndexOf(')')]);

    protected async Task A_merge_redirects_keeps_both_histories_moves_usage_and_leaves_search()
    {
        var keep = await PublishedAsync();
        var duplicate = await PublishedAsync();
        var (keepId, duplicateId) = (IdOf(keep), IdOf(duplicate));
        await Json(await Act(Teacher("tom"), duplicate, "Rate", new { stars = 5 }));
        await Json(await Act(Teacher("ann"), keep, "Rate", new { stars = 2 }));
        await Json(await Act(Teacher("ann"), duplicate, "Rate", new { stars = 4 }));
        await using (var db = Db.CreateContext())
        {
            db.Add(new DuplicateCandidate { ResourceId = duplicateId, OtherResourceId = keepId, Method = DuplicateMethods.Sha256, Score = 1, FoundAt = DateTime.UtcNow });
            db.Add(new BasketItem { UserId = "tom", ResourceId = duplicateId, AddedAt = DateTime.UtcNow });
            db.Add(new BasketItem { UserId = "ann", ResourceId = duplicateId, AddedAt = DateTime.UtcNow });
            db.Add(new BasketItem { UserId = "ann", ResourceId = keepId, AddedAt = DateTime.UtcNow });
            db.Add(new UsageEvent { ResourceId = duplicateId, Kind = UsageEvent.Download, At = DateTime.UtcNow });
            await db.SaveChangesAsync();
            await db.Set<ResourceStats>().Where(s => s.ResourceId == duplicateId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Downloads, 7));
        }
        await Db.IndexedAsync();
        Assert.Equal(new[] { duplicateId, keepId }.Order(), (await SearchAsync("圆的面积")).Order());
        var duplicateHistory = (await HistoryAsync(duplicate)).Count;

        var kept = await Json(await MergeAsync(Root, keep, duplicateId));
        Assert.Equal(keepId.ToString(), kept.GetProperty("Id").GetString());

        // The old id answers 301 with the kept URL (query kept); writes and actions on it say where it went.
        var noRedirect = Api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        noRedirect.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Api.Token("tom", "teacher", "bh-no1"));
        var moved = await noRedirect.GetAsync(duplicate + "?$select=Title");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.EndsWith($"/odata/Resources({keepId})?$select=Title", moved.Headers.Location!.ToString());
        Assert.Contains("该资源已合并到", await moved.Content.ReadAsStringAsync());
        // Followed with the token again (automatic redirects drop Authorization): the kept item.
        var followed = await Json(await noRedirect.GetAsync(moved.Headers.Location));
        Assert.Equal(["Title"], followed.EnumerateObject().Select(p => p.Name).Where(n => !n.StartsWith('@')));
        Assert.EndsWith($"/odata/Resources({keepId})/$value", (await noRedirect.GetAsync(duplicate + "/$value")).Headers.Location!.ToString());
        var plain = await noRedirect.GetAsync(duplicate);
        Assert.Equal(keepId.ToString(), (await Json(await noRedirect.GetAsync(plain.Headers.Location))).GetProperty("Id").GetString());
        var patch = new HttpRequestMessage(HttpMethod.Patch, duplicate) { Content = JsonContent.Create(new { Title = "改名" }) };
        Assert.Contains("该资源已合并到", (await Error(await Vendor.SendAsync(patch), HttpStatusCode.Conflict)).GetProperty("message").GetString());
        Assert.Contains("已合并", (await Error(await MergeAsync(Root, duplicate, keepId), HttpStatusCode.Conflict)).GetProperty("message").GetString());
        Assert.Contains("已合并", (await Error(await MergeAsync(Root, keep, duplicateId), HttpStatusCode.Conflict)).GetProperty("message").GetString());

        // Both histories: the duplicate's own steps and reviews still read under its id, the merge recorded on both.
        var history = await HistoryAsync(duplicate);
        Assert.Equal(duplicateHistory + 1, history.Count);
        Assert.Equal(("merge", "retired"), (history[^1].GetProperty("Action").GetString(), history[^1].GetProperty("ToStatus").GetString()));
        Assert.Contains(keepId.ToString(), history[^1].GetProperty("Reason").GetString());
        Assert.Equal(2, (await Json(await Root.GetAsync(duplicate + "/Reviews"))).GetProperty("value").GetArrayLength());
        var keptHistory = await HistoryAsync(keep);
        Assert.Equal("merge", keptHistory[^1].GetProperty("Action").GetString());
        Assert.Contains(duplicateId.ToString(), keptHistory[^1].GetProperty("Reason").GetString());

        // Ratings move unless the teacher rated both; downloads, usage events and baskets follow; the finding is resolved.
        var stats = await Json(await Root.GetAsync(keep + "/Stats"));
        Assert.Equal(2, stats.GetProperty("RatingCount").GetInt32());
        Assert.Equal(7, stats.GetProperty("Downloads").GetInt64());
        var left = await Json(await Root.GetAsync(duplicate + "/Stats"));
        Assert.Equal((1, 0L), (left.GetProperty("RatingCount").GetInt32(), left.GetProperty("Downloads").GetInt64()));
        await using (var db = Db.CreateContext())
        {
            Assert.Equal(7, await db.Set<Rating>().Where(r => r.ResourceId == keepId).SumAsync(r => r.Stars));
            Assert.Equal(4, (await db.Set<Rating>().SingleAsync(r => r.ResourceId == duplicateId)).Stars);
            Assert.Equal(["ann", "tom"], (await db.Set<BasketItem>().Where(b => b.ResourceId == keepId).Select(b => b.UserId).ToListAsync()).Order());
            Assert.False(await db.Set<BasketItem>().AnyAsync(b => b.ResourceId == duplicateId));
            Assert.False(await db.Set<UsageEvent>().AnyAsync(e => e.ResourceId == duplicateId));
            Assert.Equal("retired", (await db.Resources.SingleAsync(r => r.Id == duplicateId)).Status);
        }
        var finding = Assert.Single((await Json(await Root.GetAsync(keep + "/Duplicates"))).GetProperty("value").EnumerateArray());
        Assert.NotEqual(JsonValueKind.Null, finding.GetProperty("ResolvedAt").ValueKind);

        // Search through the outbox: only the kept item is left.
        await Db.IndexedAsync();
        Assert.Equal([keepId], await SearchAsync("圆的面积"));
    }

    protected async Task Only_admins_of_both_items_merge_and_bad_ids_are_clear_errors()
    {
        var keep = await PublishedAsync();
        var duplicate = await PublishedAsync();
        var duplicateId = IdOf(duplicate);
        foreach (var client in new[] { Teacher(), Vendor, Expert("eve", "ys-edu"), Host })
            Assert.Contains("只有管理员可以合并", (await Error(await MergeAsync(client, keep, duplicateId), HttpStatusCode.Forbidden)).GetProperty("message").GetString());
        Assert.Contains("不在您管辖的区域内", (await Error(await MergeAsync(Admin("yao", "ys-edu"), keep, duplicateId), HttpStatusCode.Forbidden))
            .GetProperty("message").GetString());
        Assert.Contains("不能把资源合并到它自己", (await Error(await MergeAsync(Root, keep, IdOf(keep)), HttpStatusCode.BadRequest)).GetProperty("message").GetString());
        Assert.Contains("要合并的资源", (await Error(await MergeAsync(Root, keep, Guid.NewGuid()), HttpStatusCode.NotFound)).GetProperty("message").GetString());
        await Error(await MergeAsync(Root, $"/odata/Resources({Guid.NewGuid()})", duplicateId), HttpStatusCode.NotFound);
        Assert.Contains("缺少参数", (await Error(await MergeAsync(Root, keep, null), HttpStatusCode.BadRequest)).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await MergeAsync(Root, keep, "不是编号")).StatusCode);
        Assert.Equal("published", await StatusOf(Root, duplicate)); // nothing changed by the refusals
        // The region's own admin may.
        await Json(await MergeAsync(Admin("bao", "bh-edu"), keep, duplicateId));
    }

    protected async Task Concurrent_merges_of_the_same_items_let_exactly_one_win()
    {
        var (a, b, c, d) = (await PublishedAsync(), await PublishedAsync(), await PublishedAsync(), await PublishedAsync());
        var (ida, idb, idc) = (IdOf(a), IdOf(b), IdOf(c));
        // a←b against b←a (a cycle if both won), then survivor←c against d←c (c merged twice).
        var answers = await Task.WhenAll(MergeAsync(Root, a, idb), MergeAsync(Admin("root2", "ah-edu"), b, ida));
        Assert.Equal(1, answers.Count(r => r.IsSuccessStatusCode));
        Assert.Equal(HttpStatusCode.Conflict, answers.Single(r => !r.IsSuccessStatusCode).StatusCode);
        var survivor = answers[0].IsSuccessStatusCode ? a : b;
        answers = await Task.WhenAll(MergeAsync(Root, survivor, idc), MergeAsync(Admin("root2", "ah-edu"), d, idc));
        Assert.Equal(1, answers.Count(r => r.IsSuccessStatusCode));
        Assert.Equal(HttpStatusCode.Conflict, answers.Single(r => !r.IsSuccessStatusCode).StatusCode);
        await using var db = Db.CreateContext();
        var merges = await db.Set<ResourceMerge>().ToListAsync();
        Assert.Equal(2, merges.Count);
        Assert.Equal(survivor == a ? idb : ida, merges.Single(m => m.KeptId == IdOf(survivor) && m.MergedId != idc).MergedId);
        Assert.Equal(answers[0].IsSuccessStatusCode ? IdOf(survivor) : IdOf(d), merges.Single(m => m.MergedId == idc).KeptId);
        Assert.Equal(2, await db.Resources.CountAsync(r => r.Status == "retired"));
    }

    protected async Task A_submitted_duplicate_merged_leaves_the_review_queue()
    {
        var original = await PublishedAsync();
        var copy = await CreateAsync(Vendor);
        await Json(await Act(Vendor, copy, "Submit"));
        var eve = Expert("eve", "ys-edu");
        Assert.Contains(IdOf(copy).ToString(), Strings(await Json(await eve.GetAsync("/odata/Resources/ReviewQueue()")), "Id"));

        await Json(await MergeAsync(Root, original, IdOf(copy)));
        Assert.DoesNotContain(IdOf(copy).ToString(), Strings(await Json(await eve.GetAsync("/odata/Resources/ReviewQueue()")), "Id"));
        Assert.Contains("该资源已合并到", (await Error(await Act(eve, copy, "Review", ReviewBody(0.9)), HttpStatusCode.Conflict)).GetProperty("message").GetString());
        Assert.Equal("published", await StatusOf(Root, original));
    }

    private async Task<List<JsonElement>> HistoryAsync(string item) =>
        (await Json(await Root.GetAsync(item + "/History"))).GetProperty("value").EnumerateArray().ToList();

    private async Task<List<Guid>> SearchAsync(string text) =>
        (await Json(await Teacher().GetAsync("/odata/Resources?$search=" + Uri.EscapeDataString(text) + "&$select=Id")))
        .GetProperty("value").EnumerateArray().Select(e => Guid.Parse(e.GetProperty("Id").GetString()!)).ToList();
}

public sealed class SqliteMergeTests() : MergeTests(DatabaseOptions.Sqlite)
{
    [Fact] public Task Merged() => A_merge_redirects_keeps_both_histories_moves_usage_and_leaves_search();
    [Fact] public Task Authorized() => Only_admins_of_both_items_merge_and_bad_ids_are_clear_errors();
    [Fact] public Task Concurrent() => Concurrent_merges_of_the_same_items_let_exactly_one_win();
    [Fact] public Task Under_review() => A_submitted_duplicate_merged_leaves_the_review_queue();
}

public sealed class PostgresMergeTests() : MergeTests(DatabaseOptions.Postgres)
{
    [PostgresFact] public Task Merged() => A_merge_redirects_keeps_both_histories_moves_usage_and_leaves_search();
    [PostgresFact] public Task Authorized() => Only_admins_of_both_items_merge_and_bad_ids_are_clear_errors();
    [PostgresFact] public Task Concurrent() => Concurrent_merges_of_the_same_items_let_exactly_one_win();
    [PostgresFact] public Task Under_review() => A_submitted_duplicate_merged_leaves_the_review_queue();
}
