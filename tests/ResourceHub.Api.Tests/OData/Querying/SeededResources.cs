using ResourceHub.Api.Tests.Query;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Resources;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.OData.Querying;

/// <summary>
/// A database holding ResourceSeed's organisations and resources, and the API over it. The query suites read as a
/// vendor of one organisation, so VisibilityScope is in play; <see cref="All"/> is the oracles' copy of every row.
/// </summary>
public sealed class SeededResources : IAsyncDisposable
{
    public static readonly Caller Vendor = new("v1", "供应商", Roles.Vendor, "acme", []);

    private SeededResources(TestDatabase db, ApiFactory api, List<Resource> all) => (Db, Api, All) = (db, api, all);

    public TestDatabase Db { get; }
    public ApiFactory Api { get; }
    public List<Resource> All { get; }

    /// <param name="adjust">Changes the generated rows before they are stored (fields the seed leaves empty).</param>
    public static async Task<SeededResources> StartAsync(string provider, int rows, Action<List<Resource>>? adjust = null)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var all = ResourceSeed.Resources(rows).ToList();
        adjust?.Invoke(all);
        await using (var context = db.CreateContext())
        {
            context.Organizations.AddRange(ResourceSeed.Organizations());
            context.Resources.AddRange(all);
            await context.SaveChangesAsync();
        }
        return new SeededResources(db, await ApiFactory.StartAsync(db), all);
    }

    public HttpClient VendorClient() => Api.ClientAs(Vendor.UserId, Vendor.Role, Vendor.OrgCode);

    public IEnumerable<Resource> VisibleToVendor => All.Where(VisibilityScope.For(Vendor).Allows);

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        await Db.DisposeAsync();
    }
}
