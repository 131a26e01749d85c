using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Domain.Courses;
using ResourceHub.Domain.Resources;
using ResourceHub.Domain.Users;
using ResourceHub.Testing;

namespace ResourceHub.Data.Tests.Persistence;

/// <summary>The same persistence behaviour on every provider.</summary>
public abstract class PersistenceTests(string provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static Resource NewResource(string title = "勾股定理 课堂实录") => new()
    {
        Id = Guid.NewGuid(), Kind = "lesson-record", Title = title, Subject = "math", Stage = "junior",
        Topics = ["it-cases", "core-literacy"], Tags = ["几何", "八年级"], OwnerOrg = "acme", CreatedBy = "alice",
        CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        File = new ResourceFile { FileName = "勾股定理.mp4", ContentType = "video/mp4", Size = 1234, Sha256 = new string('a', 64), BlobKey = "resources/x/original", UploadedAt = DateTime.UtcNow },
    };

    [Fact]
    public async Task Resource_round_trips_lists_file_facts_and_chinese_text()
    {
        var resource = NewResource();
        await using (var write = _db.CreateContext())
        {
            write.Resources.Add(resource);
            await write.SaveChangesAsync();
        }
        await using var read = _db.CreateContext();
        var loaded = await read.Resources.SingleAsync(r => r.Id == resource.Id);
        Assert.Equal("勾股定理 课堂实录", loaded.Title);
        Assert.Equal(["it-cases", "core-literacy"], loaded.Topics);
        Assert.Equal(["几何", "八年级"], loaded.Tags);
        Assert.Equal("勾股定理.mp4", loaded.File!.FileName);
        Assert.Equal(1234, loaded.File.Size);
        Assert.Equal(1, loaded.Version);
    }

    [Fact]
    public async Task Queries_over_collections_translate_on_this_provider()
    {
        await using (var write = _db.CreateContext())
        {
            var third = NewResource("丙");
            third.Tags = ["代数"];
            write.Resources.AddRange(NewResource("甲"), NewResource("乙"), third);
            await write.SaveChangesAsync();
        }
        await using var read = _db.CreateContext();
        var withTag = await read.Resources.Where(r => r.Tags.Contains("几何")).Select(r => r.Title).OrderBy(t => t).ToListAsync();
        Assert.Equal(2, withTag.Count);
        Assert.DoesNotContain("丙", withTag);
    }

    [Fact]
    public async Task Version_bumps_on_each_save_and_a_stale_writer_loses()
    {
        var resource = NewResource();
        await using (var write = _db.CreateContext())
        {
            write.Resources.Add(resource);
            await write.SaveChangesAsync();
        }
        await using var first = _db.CreateContext();
        await using var second = _db.CreateContext();
        var a = await first.Resources.SingleAsync(r => r.Id == resource.Id);
        var b = await second.Resources.SingleAsync(r => r.Id == resource.Id);
        a.Title = "先改";
        await first.SaveChangesAsync();
        Assert.Equal(2, a.Version);
        b.Title = "后改";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = _db.CreateContext();
        Assert.Equal("先改", (await check.Resources.SingleAsync(r => r.Id == resource.Id)).Title);
    }

    [Fact]
    public async Task Course_keeps_its_items_in_order()
    {
        var resources = Enumerable.Range(0, 3).Select(i => NewResource($"第{i + 1}讲")).ToList();
        var course = new Course
        {
            Id = Guid.NewGuid(), Title = "信息技术与学科教学深度融合", Kind = "elective", CreditHours = 2.5, Subject = "math", Stage = "junior",
            OwnerOrg = "acme", CreatedBy = "alice", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            Items = resources.Select((r, i) => new CourseItem { Id = Guid.NewGuid(), Position = 2 - i, ResourceId = r.Id }).ToList(),
        };
        await using (var write = _db.CreateContext())
        {
            write.Resources.AddRange(resources);
            write.Courses.Add(course);
            await write.SaveChangesAsync();
        }
        await using var read = _db.CreateContext();
        var loaded = await read.Courses.Include(c => c.Items.OrderBy(i => i.Position)).ThenInclude(i => i.Resource).SingleAsync();
        Assert.Equal(["第3讲", "第2讲", "第1讲"], loaded.Items.Select(i => i.Resource!.Title));
        Assert.Equal(2.5, loaded.CreditHours);
    }

    [Fact]
    public async Task User_subjects_round_trip()
    {
        await using (var write = _db.CreateContext())
        {
            write.Users.Add(new User { Id = "expert-1", DisplayName = "王老师", Role = "expert", OrgCode = "hf-edu", Subjects = ["math", "physics"], CreatedAt = DateTime.UtcNow, LastSeenAt = DateTime.UtcNow });
            await write.SaveChangesAsync();
        }
        await using var read = _db.CreateContext();
        Assert.Equal(["math", "physics"], (await read.Users.SingleAsync()).Subjects);
    }
}

public sealed class SqlitePersistenceTests() : PersistenceTests(DatabaseOptions.Sqlite);

[Trait("Provider", "postgres")]
public sealed class PostgresPersistenceTests() : PersistenceTests(DatabaseOptions.Postgres);
