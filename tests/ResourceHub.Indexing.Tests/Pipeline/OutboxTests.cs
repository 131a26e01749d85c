using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Taxonomy;
using ResourceHub.Indexing.Documents;
using ResourceHub.Indexing.Fts;
using ResourceHub.Indexing.Pipeline;
using ResourceHub.Query.Model;
using ResourceHub.Domain.Organizations;
using ResourceHub.Domain.Resources;
using ResourceHub.Indexing.Tests.Support;
using ResourceHub.Testing;

namespace ResourceHub.Indexing.Tests.Pipeline;

/// <summary>Every Resource change writes an outbox row in the same SaveChanges, whoever makes it.</summary>
public sealed class OutboxTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Add_modify_and_delete_each_write_a_row()
    {
        await using var db = _db.CreateContext();
        var r = TestResources.New("分数");
        db.Resources.Add(r);
        await db.SaveChangesAsync();
        r.Status = ResourceStatus.Recommended; // what curation does
        await db.SaveChangesAsync();
        db.Resources.Remove(r);
        await db.SaveChangesAsync();

        var rows = await db.SearchOutbox.OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, e => Assert.Equal(r.Id, e.ResourceId));
        Assert.All(rows, e => Assert.Null(e.ProcessedAt));
    }

    [Fact]
    public async Task Changing_only_the_owned_file_writes_a_row()
    {
        await using var db = _db.CreateContext();
        var r = TestResources.New("文件");
        db.Resources.Add(r);
        await db.SaveChangesAsync();
        r.File = new ResourceFile { FileName = "a.pptx", ContentType = "application/pptx", BlobKey = "k", Sha256 = "x", UploadedAt = DateTime.UtcNow };
        await db.SaveChangesAsync();
        Assert.Equal(2, await db.SearchOutbox.CountAsync(e => e.ResourceId == r.Id));
    }

    [Fact]
    public async Task Other_entities_write_no_row()
    {
        await using var db = _db.CreateContext();
        db.Organizations.Add(new Organization { Code = "acme", Name = "Acme", Kind = "vendor", Tier = "province" });
        await db.SaveChangesAsync();
        Assert.Equal(0, await db.SearchOutbox.CountAsync());
    }

    [Fact]
    public async Task A_failed_save_writes_no_row()
    {
        var existing = TestResources.New("原有");
        await using (var db = _db.CreateContext())
        {
            db.Resources.Add(existing);
            await db.SaveChangesAsync();
        }
        await using var clash = _db.CreateContext();
        var duplicate = TestResources.New("冲突");
        duplicate.Id = existing.Id; // primary key clash: the whole unit of work rolls back
        clash.Resources.Add(duplicate);
        await Assert.ThrowsAsync<DbUpdateException>(() => clash.SaveChangesAsync());
        await using var check = _db.CreateContext();
        Assert.Equal(1, await check.SearchOutbox.CountAsync());
    }
}

/// <summary>The outbox and the drainer on PostgreSQL (identity ids, ExecuteUpdate), with the FTS engine.</summary>
public sealed class PostgresOutboxTests
{
    [PostgresFact]
    public async Task Changes_are_recorded_and_drained_on_postgres()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Postgres);
        await using var db = database.CreateContext();
        var a = TestResources.New("数据库甲");
        var b = TestResources.New("数据库乙");
        db.Resources.AddRange(a, b);
        await db.SaveChangesAsync();
        db.Resources.Remove(b);
        await db.SaveChangesAsync();
        Assert.Equal(3, await db.SearchOutbox.CountAsync());

        var index = new FtsSearchIndex(Path.Combine(database.DataDir, "search", "index.db"));
        await index.EnsureCreatedAsync();
        var sync = new DocumentSync(db, new SearchDocumentBuilder(TaxonomyCatalog.Default));
        var drainer = new OutboxDrainer(db, sync, index, new IndexerOptions { BatchSize = 2 });
        Assert.Equal(2, (await drainer.DrainOnceAsync(CancellationToken.None)).Applied);
        Assert.Equal(1, (await drainer.DrainOnceAsync(CancellationToken.None)).Applied);
        Assert.Equal(0, await drainer.PendingAsync(CancellationToken.None));
        var admin = VisibilityScope.For(new Caller("root", "Root", Roles.Admin, "", []) { Region = AdminRegion.Platform });
        var hits = await index.SearchAsync(new SearchRequest(new EntityQuery { Search = "数据库" }, admin));
        Assert.Equal(["数据库甲"], hits.Hits.Select(h => h.Document.Title));
    }
}
