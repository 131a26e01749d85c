using ResourceHub.Domain.Resources;

namespace ResourceHub.Indexing.Tests.Support;

public static class TestResources
{
    /// <summary>A valid published math courseware by alice of acme, with this title.</summary>
    public static Resource New(string title) => new()
    {
        Id = Guid.NewGuid(), Title = title, Kind = "courseware", Subject = "math", Stage = "primary", OwnerOrg = "acme",
        CreatedBy = "alice", Status = ResourceStatus.Published, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
    };
}
