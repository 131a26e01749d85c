using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Taxonomy;
using ResourceHub.Indexing.Documents;
using ResourceHub.Indexing.Fts;
using ResourceHub.Indexing.Pipeline;
using ResourceHub.Query.Model;
using ResourceHub.Indexing.Tests.Support;
using ResourceHub.Testing;

namespace ResourceHub.Indexing.Tests.Pipeline;

/// <summary>The background indexer against an engine that goes away and comes back.</summary>
public sealed class IndexerOutageTests : IAsyncLifetime
{
    private static readonly VisibilityScope Admin = VisibilityScope.For(new Caller("root", "Root", Roles.Admin, "", []) { Region = AdminRegion.Platform });
    private TestDatabase _db = null!;
    private FlakyIndex _index = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        _index = new FlakyIndex(new FtsSearchIndex(Path.Combine(_db.DataDir, "search", "index.db")));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<ResourceHubDbContext>(o => DataServiceCollectionExtensions.Configure(o, _db.Options, _db.DataDir));
        services.AddSingleton<ISearchIndex>(_index);
        services.AddSingleton(new IndexerOptions { BatchSize = 7, PollMilliseconds = 20, MaxBackoffSeconds = 1 });
        services.AddSingleton(new SearchDocumentBuilder(TaxonomyCatalog.Default));
        services.AddSingleton<IndexerStatus>();
        services.AddScoped<DocumentSync>();
        services.AddScoped<OutboxDrainer>();
        services.AddSingleton<IHostedService, SearchIndexer>();
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task Writes_succeed_while_the_index_is_down_and_every_change_is_searchable_after_recovery()
    {
        var indexer = _services.GetRequiredService<IHostedService>();
        await indexer.StartAsync(CancellationToken.None);
        try
        {
            _index.Down = true;
            var created = new List<Guid>();
            await using (var db = _db.CreateContext())
            {
                for (var i = 0; i < 30; i++)
                {
                    var r = TestResources.New($"停机期间资源 编号{i:D2}号");
                    db.Resources.Add(r);
                    await db.SaveChangesAsync(); // the database write never waits for the index
                    created.Add(r.Id);
                }
                var retitled = await db.Resources.FindAsync(created[0]);
                retitled!.Title = "停机期间改名的资源";
                await db.SaveChangesAsync();
                db.Resources.Remove((await db.Resources.FindAsync(created[1]))!);
                await db.SaveChangesAsync();
            }
            await WaitUntil(() => Task.FromResult(_index.FailedCalls >= 2));
            var status = _services.GetRequiredService<IndexerStatus>().Snapshot();
            Assert.Contains("down", status.Error);
            await using (var db = _db.CreateContext())
                Assert.Equal(32, await db.SearchOutbox.CountAsync(e => e.ProcessedAt == null));

            _index.Down = false;
            await WaitUntil(async () =>
            {
                await using var db = _db.CreateContext();
                return await db.SearchOutbox.CountAsync(e => e.ProcessedAt == null) == 0;
            });

            var hits = await _index.SearchAsync(new SearchRequest(new EntityQuery { Search = "停机期间", Top = 100, Count = true }, Admin));
            Assert.Equal(29, hits.Total);
            Assert.Contains(hits.Hits, h => h.Document.Title == "停机期间改名的资源");
            Assert.DoesNotContain(hits.Hits, h => h.Document.Id == created[1]);
            for (var i = 2; i < 30; i++)
                Assert.Contains(hits.Hits, h => h.Document.Title == $"停机期间资源 编号{i:D2}号");
        }
        finally
        {
            await indexer.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public void Backoff_doubles_and_is_capped()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(200), SearchIndexer.Backoff(1, 30));
        Assert.Equal(TimeSpan.FromMilliseconds(800), SearchIndexer.Backoff(3, 30));
        Assert.Equal(TimeSpan.FromSeconds(30), SearchIndexer.Backoff(40, 30));
    }

    private static async Task WaitUntil(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(50);
        }
    }
}
