using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResourceHub.Api.Curation;
using ResourceHub.Application.Curation;
using ResourceHub.Data;
using ResourceHub.Domain.Curation;

namespace ResourceHub.Api.Tests.Curation;

/// <summary>The hook the download path calls: every download counts (and is appended to usage_events), concurrent ones included, apart from quality.</summary>
public sealed class DownloadCounterTests() : CurationApi(DatabaseOptions.Sqlite)
{
    [Fact]
    public async Task Concurrent_downloads_are_all_counted_and_do_not_touch_the_quality_score()
    {
        var item = await PublishedAsync();
        var before = await Json(await Teacher().GetAsync($"{item}/Stats"));
        var id = Guid.Parse(item[(item.IndexOf('(') + 1)..item.IndexOf(')')]);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            await using var scope = Api.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DownloadCounter>().CountAsync(id, CancellationToken.None);
        }));

        var after = await Json(await Teacher().GetAsync($"{item}/Stats"));
        Assert.Equal(0, before.GetProperty("Downloads").GetInt64());
        Assert.Equal(8, after.GetProperty("Downloads").GetInt64());
        Assert.Equal(before.GetProperty("QualityScore").GetDouble(), after.GetProperty("QualityScore").GetDouble());
        // Each download is also appended with its time, for downloads over time.
        await using var check = Api.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<ResourceHubDbContext>();
        Assert.Equal(8, await db.Set<UsageEvent>().CountAsync(e => e.ResourceId == id && e.Kind == UsageEvent.Download));
    }

    [Fact]
    public async Task The_first_download_of_an_unrated_item_creates_its_stats()
    {
        var item = await CreateAsync(Vendor);
        var id = Guid.Parse(item[(item.IndexOf('(') + 1)..item.IndexOf(')')]);
        await using (var scope = Api.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DownloadCounter>().CountAsync(id, CancellationToken.None);
        var stats = await Json(await Vendor.GetAsync($"{item}/Stats"));
        Assert.Equal(1, stats.GetProperty("Downloads").GetInt64());
        Assert.Equal(JsonValueKind.Null, stats.GetProperty("QualityScore").ValueKind);
    }
}
