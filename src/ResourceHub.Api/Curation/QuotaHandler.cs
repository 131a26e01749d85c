using Microsoft.EntityFrameworkCore;
using Microsoft.OData.UriParser;
using ResourceHub.Api.OData;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Taxonomy;

namespace ResourceHub.Api.Curation;

/// <summary>
/// Quotas: region admins set how many items a region (their own or one below it) may recommend at a
/// level, per subject and year. A region without a quota row for that combination is not limited.
/// </summary>
public sealed class QuotaHandler(ResourceHubDbContext db, CurationStore store, TaxonomyCatalog taxonomy, ODataJsonWriter writer)
    : EntitySetHandlerBase
{
    private static readonly IReadOnlySet<string> Writable = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { "Level", "RegionCode", "Subject", "Year", "MaxCount" };

    private static readonly IReadOnlySet<string> Computed = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Id", "Used" };

    public override string SetName => QuotaDefinition.Instance.SetName;

    public override async Task GetCollectionAsync(HttpContext context, ODataUriParser parser)
    {
        var caller = context.RequireCaller();
        CurationPolicy.AuthorizeRegionAdmin(await store.ActorAsync(caller, context.RequestAborted));
        var quotas = await InRegion(caller).AsNoTracking()
            .OrderBy(q => q.Year).ThenBy(q => q.RegionCode).ThenBy(q => q.Level).ThenBy(q => q.Subject)
            .Take(ReadOnlySetHandler<RecommendationQuota>.PageSize).ToListAsync(context.RequestAborted);
        await writer.WriteCollectionAsync(context, QuotaDefinition.Instance, quotas);
    }

    public override async Task GetAsync(HttpContext context, object key, ODataUriParser parser)
    {
        var caller = context.RequireCaller();
        CurationPolicy.AuthorizeRegionAdmin(await store.ActorAsync(caller, context.RequestAborted));
        var id = (Guid)key;
        var quota = await InRegion(caller).AsNoTracking().FirstOrDefaultAsync(q => q.Id == id, context.RequestAborted)
                    ?? throw ODataProblem.NotFound($"名额 {id} 不存在 (no quota with this id)");
        context.Response.Headers.ETag = QuotaDefinition.Instance.ETagOf(quota);
        await writer.WriteEntityAsync(context, QuotaDefinition.Instance, quota);
    }

    public override async Task CreateAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        var actor = await store.ActorAsync(context.RequireCaller(), ct);
        CurationPolicy.AuthorizeRegionAdmin(actor);
        var body = await RequestBody.ReadAsync(context.Request, Writable, Computed);
        var errors = new List<ODataErrorDetail>();
        var quota = new RecommendationQuota
        {
            Id = Guid.NewGuid(),
            Level = body.String("Level", errors) ?? "",
            RegionCode = body.String("RegionCode", errors) ?? actor.Org!.Code,
            Subject = body.String("Subject", errors) ?? "",
            Year = body.Int("Year", errors) ?? DateTime.UtcNow.Year,
            MaxCount = body.Int("MaxCount", errors) ?? -1,
        };
        RequestBody.ThrowIfAny(errors);
        RecommendationLevels.CheckKnown(quota.Level);
        if (taxonomy.Subjects.Check(quota.Subject) is { } bad)
            throw ODataProblem.BadRequest(bad, "Subject");
        CheckCount(quota.MaxCount);
        CurationPolicy.AuthorizeRegionAdmin(actor, await store.RegionOfAsync(quota.RegionCode, ct));
        db.Add(quota);
        await store.SaveOrConflictAsync(ct);
        await Responses.CreatedAsync(context, writer, QuotaDefinition.Instance, quota);
    }

    /// <summary>Only MaxCount changes; the other fields identify the quota.</summary>
    public override async Task PatchAsync(HttpContext context, object key)
    {
        var ct = context.RequestAborted;
        var actor = await store.ActorAsync(context.RequireCaller(), ct);
        var quota = await FindAsync(key, ct);
        CurationPolicy.AuthorizeRegionAdmin(actor, await store.RegionOfAsync(quota.RegionCode, ct));
        Preconditions.CheckIfMatch(context.Request, QuotaDefinition.Instance.ETagOf(quota));
        var body = await RequestBody.ReadAsync(context.Request,
            new HashSet<string>(["MaxCount"], StringComparer.OrdinalIgnoreCase), Writable.Concat(Computed).ToHashSet());
        var errors = new List<ODataErrorDetail>();
        var max = body.Int("MaxCount", errors);
        RequestBody.ThrowIfAny(errors);
        if (max is { } m)
        {
            CheckCount(m);
            quota.MaxCount = m;
        }
        await store.SaveOrConflictAsync(ct);
        Responses.Updated(context, QuotaDefinition.Instance, quota);
    }

    /// <summary>Quotas of the admin's region: its own organisation's and those below it.</summary>
    private IQueryable<RecommendationQuota> InRegion(Caller caller)
    {
        var quotas = db.Set<RecommendationQuota>();
        var orgs = caller.Region.Orgs.ToList();
        return caller.Region.Everywhere ? quotas : quotas.Where(q => orgs.Contains(q.RegionCode));
    }

    private async Task<RecommendationQuota> FindAsync(object key, CancellationToken ct)
    {
        var id = (Guid)key;
        return await db.Set<RecommendationQuota>().FirstOrDefaultAsync(q => q.Id == id, ct)
               ?? throw ODataProblem.NotFound($"名额 {id} 不存在 (no quota with this id)");
    }

    private static void CheckCount(int count)
    {
        if (count < 0)
            throw ODataProblem.BadRequest("MaxCount 须为非负整数 (MaxCount must be 0 or more)", "MaxCount");
    }
}
