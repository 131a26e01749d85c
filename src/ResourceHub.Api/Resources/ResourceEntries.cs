using Microsoft.EntityFrameworkCore;
using ResourceHub.Api.OData;
using ResourceHub.Api.Organizations;
using ResourceHub.Data;
using ResourceHub.Domain.Resources;
using ResourceHub.Query.Model;

namespace ResourceHub.Api.Resources;

/// <summary>Resource entries with their expansions (Owner → the owning organisation), loaded in one query per navigation.</summary>
public static class ResourceEntries
{
    /// <summary>
    /// Rows are already visible to the caller (they came through VisibilityScope); organisations are readable by all.
    /// <paramref name="statsLoaded"/>: the rows' query included their stats, so a row without them has none to load.
    /// </summary>
    public static async Task<IReadOnlyList<ODataEntry>> BuildAsync(ResourceHubDbContext db, HttpRequest request, IReadOnlyList<Resource> rows,
        IReadOnlyList<string> select, IReadOnlyList<ExpandItem> expand, CancellationToken ct, bool statsLoaded = false)
    {
        if (!statsLoaded)
            await LoadStatsAsync(db, rows, ct);
        var owner = expand.FirstOrDefault(e => e.Navigation == "Owner");
        var orgs = new Dictionary<string, Domain.Organizations.Organization>();
        if (owner is not null)
        {
            var codes = rows.Select(r => r.OwnerOrg).Distinct().ToList();
            orgs = await db.Organizations.AsNoTracking().Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, ct);
        }
        return rows.Select(r =>
        {
            var expansions = new List<ODataExpansion>();
            if (owner is not null)
                expansions.Add(new ODataExpansion("Owner", false, orgs.TryGetValue(r.OwnerOrg, out var org)
                    ? [ODataJsonWriter.Entry(request, OrganizationDefinition.Instance, org, owner.Select, [])]
                    : []));
            return ODataJsonWriter.Entry(request, ResourceDefinition.Instance, r, select, expansions);
        }).ToList();
    }

    /// <summary>Downloads and Rating are read from each row's stats: one query for the rows that came without them.</summary>
    private static async Task LoadStatsAsync(ResourceHubDbContext db, IReadOnlyList<Resource> rows, CancellationToken ct)
    {
        var ids = rows.Where(r => r.Stats is null).Select(r => r.Id).Distinct().ToList();
        if (ids.Count == 0)
            return;
        var stats = await new ResourceFacts(db).StatsAsync(ids, ct);
        foreach (var r in rows)
            r.Stats ??= stats.GetValueOrDefault(r.Id);
    }
}
