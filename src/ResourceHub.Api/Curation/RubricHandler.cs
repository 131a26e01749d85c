using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.OData.UriParser;
using ResourceHub.Api.OData;
using ResourceHub.Data;
using ResourceHub.Domain.Curation;

namespace ResourceHub.Api.Curation;

/// <summary>
/// Rubrics: anyone signed in reads them (the rules are public); region admins create and change their
/// region's. System rubrics (no owner) are the seeded defaults and stay as they are.
/// </summary>
public sealed class RubricHandler(ResourceHubDbContext db, CurationStore store, ODataJsonWriter writer) : EntitySetHandlerBase
{
    private static readonly IReadOnlySet<string> Writable = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { "Name", "Kinds", "RequiredReviews", "PassMean", "DivergenceGap", "BlindReview", "Criteria" };

    private static readonly IReadOnlySet<string> Computed = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { "Id", "MaxTotal", "OwnerOrg", "CreatedAt", "UpdatedAt" };

    public override string SetName => RubricDefinition.Instance.SetName;

    public override async Task GetCollectionAsync(HttpContext context, ODataUriParser parser)
    {
        context.RequireCaller();
        // With their criteria: MaxTotal is their sum, so without them the list said 0 where Rubrics(id) said 100.
        var rubrics = await db.Set<Rubric>().AsNoTracking().Include(r => r.Criteria).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Take(ReadOnlySetHandler<Rubric>.PageSize).ToListAsync(context.RequestAborted);
        await writer.WriteCollectionAsync(context, RubricDefinition.Instance, rubrics);
    }

    public override async Task GetAsync(HttpContext context, object key, ODataUriParser parser)
    {
        context.RequireCaller();
        var rubric = await store.RubricAsync((Guid)key, context.RequestAborted);
        context.Response.Headers.ETag = RubricDefinition.Instance.ETagOf(rubric);
        await writer.WriteEntityAsync(context, RubricDefinition.Instance, rubric);
    }

    public override async Task CreateAsync(HttpContext context)
    {
        var actor = await store.ActorAsync(context.RequireCaller(), context.RequestAborted);
        CurationPolicy.AuthorizeRegionAdmin(actor);
        var body = await RequestBody.ReadAsync(context.Request, Writable, Computed);
        var now = DateTime.UtcNow;
        var rubric = new Rubric { Id = Guid.NewGuid(), OwnerOrg = actor.Org!.Code, CreatedAt = now, UpdatedAt = now };
        Apply(body, rubric);
        rubric.Validate();
        db.Add(rubric);
        await store.SaveOrConflictAsync(context.RequestAborted);
        await Responses.CreatedAsync(context, writer, RubricDefinition.Instance, rubric);
    }

    public override async Task PatchAsync(HttpContext context, object key)
    {
        var ct = context.RequestAborted;
        var actor = await store.ActorAsync(context.RequireCaller(), ct);
        var rubric = await store.RubricAsync((Guid)key, ct);
        if (rubric.OwnerOrg.Length == 0)
            throw ODataProblem.Forbidden("系统默认量规不可修改，请为本区域新建量规 (system rubrics are read-only; create your region's own)");
        CurationPolicy.AuthorizeRegionAdmin(actor, await store.RegionOfAsync(rubric.OwnerOrg, ct));
        Preconditions.CheckIfMatch(context.Request, RubricDefinition.Instance.ETagOf(rubric));
        var body = await RequestBody.ReadAsync(context.Request, Writable, Computed);
        var replaced = Apply(body, rubric);
        rubric.Validate();
        if (replaced is not null)
            db.RemoveRange(replaced);
        rubric.UpdatedAt = DateTime.UtcNow;
        await store.SaveOrConflictAsync(ct);
        Responses.Updated(context, RubricDefinition.Instance, rubric);
    }

    /// <summary>Applies the payload; returns the criteria it replaced, if Criteria was sent.</summary>
    private static List<RubricCriterion>? Apply(RequestBody body, Rubric rubric)
    {
        var errors = new List<ODataErrorDetail>();
        if (body.Has("Name")) rubric.Name = body.String("Name", errors)?.Trim() ?? "";
        if (body.Has("Kinds")) rubric.Kinds = body.StringList("Kinds", errors) ?? [];
        if (body.Has("RequiredReviews")) rubric.RequiredReviews = body.Int("RequiredReviews", errors) ?? 0;
        if (body.Has("PassMean")) rubric.PassMean = (double)(body.Decimal("PassMean", errors) ?? 0);
        if (body.Has("DivergenceGap")) rubric.DivergenceGap = (double)(body.Decimal("DivergenceGap", errors) ?? 0);
        if (body.Has("BlindReview")) rubric.BlindReview = body.Boolean("BlindReview", errors) ?? false;
        List<RubricCriterion>? replaced = null;
        if (body.Has("Criteria"))
        {
            var rows = body.Array("Criteria", ReadCriterion, errors) ?? [];
            if (rows.Any(r => r is null))
                errors.Add(new("WrongType", "评分项须为 {\"Name\", \"MaxPoints\", \"Description\"} 对象 (criteria are objects)", "Criteria"));
            replaced = rubric.Criteria;
            rubric.Criteria = rows.OfType<RubricCriterion>().Select((c, i) =>
            {
                c.Id = Guid.NewGuid();
                c.RubricId = rubric.Id;
                c.Position = i + 1;
                return c;
            }).ToList();
        }
        RequestBody.ThrowIfAny(errors);
        return replaced;
    }

    private static RubricCriterion? ReadCriterion(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
            return null;
        var c = new RubricCriterion();
        foreach (var p in e.EnumerateObject())
        {
            if (p.Name.Equals("Name", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String)
                c.Name = p.Value.GetString()!.Trim();
            else if (p.Name.Equals("MaxPoints", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.Number)
                c.MaxPoints = p.Value.TryGetDouble(out var points) && double.IsFinite(points) ? points : double.NaN;
            else if (p.Name.Equals("Description", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String)
                c.Description = p.Value.GetString();
        }
        return c;
    }
}
