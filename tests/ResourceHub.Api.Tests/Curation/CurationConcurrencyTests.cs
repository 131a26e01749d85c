using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Domain.Curation;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Curation;

/// <summary>Two experts decide the same item at once: exactly one decision lands, the other is a 412.</summary>
public abstract class CurationConcurrencyTests(string provider) : CurationApi(provider)
{
    protected async Task Two_simultaneous_deciding_reviews_apply_exactly_once()
    {
        var item = await CreateAsync(Vendor);
        await Json(await Act(Vendor, item, "Submit"));
        var first = await Act(Expert("eve", "ys-edu"), item, "Review", ReviewBody(0.9));
        var etag = first.Headers.ETag!.ToString();
        await Json(first);

        // Both second reviewers act on the same version; either could complete the round.
        var responses = await Task.WhenAll(
            Act(Expert("ed", "hf-edu"), item, "Review", ReviewBody(0.8), etag),
            Act(Expert("emma", "ah-edu"), item, "Review", ReviewBody(0.85), etag));

        var codes = responses.Select(r => r.StatusCode).Order().ToList();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], codes);
        var loser = responses.Single(r => r.StatusCode == HttpStatusCode.PreconditionFailed);
        Assert.Equal("PreconditionFailed",
            JsonDocument.Parse(await loser.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("code").GetString());

        await using var db = Db.CreateContext();
        var id = Guid.Parse(item[(item.IndexOf('(') + 1)..item.IndexOf(')')]);
        Assert.Equal(2, await db.Set<Review>().CountAsync(r => r.ResourceId == id));
        Assert.Equal(1, await db.Set<CurationEvent>().CountAsync(e => e.ResourceId == id && e.Action == "publish"));
        Assert.Equal("published", (await db.Resources.SingleAsync(r => r.Id == id)).Status);
    }

    protected async Task Simultaneous_edits_of_a_live_item_start_one_revision_and_never_fail_with_500()
    {
        var item = await PublishedAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            Vendor.PatchAsJsonAsync(item, new { Title = $"修订标题{i}" })));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.NoContent, HttpStatusCode.PreconditionFailed }));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.NoContent);
        await using var db = Db.CreateContext();
        var id = Guid.Parse(item[(item.IndexOf('(') + 1)..item.IndexOf(')')]);
        var revision = await db.Set<ResourceRevision>().SingleAsync(r => r.ResourceId == id);
        Assert.StartsWith("修订标题", revision.Title);
        Assert.Equal("published", await StatusOf(Vendor, item));
    }

    protected async Task A_stale_if_match_changes_nothing()
    {
        var item = await PublishedAsync();
        var stale = (await Vendor.GetAsync(item)).Headers.ETag!.ToString();
        await Json(await Act(Admin("cathy", "bh-edu"), item, "Recommend", new { level = "school" }));
        var late = await Act(Admin("cy", "hf-edu"), item, "Retire", new { reason = "过时" }, stale);
        await Error(late, HttpStatusCode.PreconditionFailed);
        Assert.Equal("recommended", await StatusOf(Vendor, item));
    }
}

public sealed class SqliteCurationConcurrencyTests() : CurationConcurrencyTests(DatabaseOptions.Sqlite)
{
    [Fact] public Task Deciding_reviews() => Two_simultaneous_deciding_reviews_apply_exactly_once();
    [Fact] public Task Stale_etag() => A_stale_if_match_changes_nothing();
    [Fact] public Task Racing_revisions() => Simultaneous_edits_of_a_live_item_start_one_revision_and_never_fail_with_500();
}

[Trait("Provider", "postgres")]
public sealed class PostgresCurationConcurrencyTests() : CurationConcurrencyTests(DatabaseOptions.Postgres)
{
    [PostgresFact] public Task Deciding_reviews() => Two_simultaneous_deciding_reviews_apply_exactly_once();
    [PostgresFact] public Task Stale_etag() => A_stale_if_match_changes_nothing();
    [PostgresFact] public Task Racing_revisions() => Simultaneous_edits_of_a_live_item_start_one_revision_and_never_fail_with_500();
}
