using Microsoft.EntityFrameworkCore;
using ResourceHub.Data.Querying;
using ResourceHub.Domain.Resources;
using ResourceHub.Testing;

namespace ResourceHub.Data.Tests.Querying;

public abstract class ResourceStatesTests(string provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static Resource NewResource(string title, string status, double? duration = null) => new()
    {
        Id = Guid.NewGuid(), Title = title, Kind = "courseware", Subject = "math", Stage = "primary", Status = status,
        OwnerOrg = "acme", CreatedBy = "alice", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, DurationSeconds = duration,
    };

    [Fact]
    public async Task Reads_the_state_of_each_existing_id_and_skips_the_rest()
    {
        var a = NewResource("甲", ResourceStatus.Published, 12.5);
        var b = NewResource("乙", ResourceStatus.Draft);
        await using (var db = _db.CreateContext())
        {
            db.Resources.AddRange(a, b);
            await db.SaveChangesAsync();
            db.Resources.Attach(b).Entity.Subject = "physics";
            await db.SaveChangesAsync(); // Version 2
        }

        await using var context = _db.CreateContext();
        var missing = Guid.NewGuid();
        var states = await ResourceStates.ReadAsync(context, [a.Id, missing, b.Id], CancellationToken.None);

        Assert.Equal(2, states.Count);
        Assert.Equal(new ResourceState(a.Id, 1, 12.5, ResourceStatus.Published, "acme", "alice", "math"), states[a.Id]);
        Assert.Equal(new ResourceState(b.Id, 2, null, ResourceStatus.Draft, "acme", "alice", "physics"), states[b.Id]);
        Assert.Empty(await ResourceStates.ReadAsync(context, [], CancellationToken.None));
        Assert.Equal(2, await context.Resources.CountAsync()); // the context still works after the plain command
    }
}

public sealed class SqliteResourceStatesTests() : ResourceStatesTests(DatabaseOptions.Sqlite);

[Trait("Provider", "postgres")]
public sealed class PostgresResourceStatesTests() : ResourceStatesTests(DatabaseOptions.Postgres);
