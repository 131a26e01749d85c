using System.Text.Json;
using Microsoft.OData.UriParser;
using ResourceHub.Api.OData;
using ResourceHub.Domain.Curation;

namespace ResourceHub.Api.Curation;

/// <summary>
/// Rubrics: anyone signed in reads them (the rules are public); region admins create and change their
/// region's. System rubrics (no owner) are the seeded defaults and stay as they are.
/// </summary>
public sealed class RubricHandler(RubricAdmin rubrics, ODataJsonWriter writer) : EntitySetHandlerBase
{
    private static readonly IReadOnlySet<string> Writable = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { "Name", "Kinds", "RequiredReviews", "PassMean", "DivergenceGap", "BlindReview", "Criteria" };

    private static readonly IReadOnlySet<string> Computed = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { "Id", "MaxTotal", "OwnerOrg", "CreatedAt", "UpdatedAt" };

    public override string SetName => RubricDefinition.Instance.SetName;

    public override async Task GetCollectionAsync(HttpContext context, ODataUriParser parser)
    {
        context.RequireCaller();
        await writer.WriteCollectionAsync(context, RubricDefinition.Instance, await rubrics.ListAsync(context.RequestAborted));
    }

    public override async Task GetAsync(HttpContext context, object key, ODataUriParser parser)
    {
        context.RequireCaller();
        var rubric = await rubrics.FindAsync((Guid)key, context.RequestAborted);
        context.Response.Headers.ETag = RubricDefinition.Instance.ETagOf(rubric);
        await writer.WriteEntityAsync(context, RubricDefinition.Instance, rubric);
    }

    public override async Task CreateAsync(HttpContext context)
    {
        var caller = context.RequireCaller();
        var body = await RequestBody.ReadAsync(context.Request, Writable, Computed);
        var rubric = await rubrics.CreateAsync(caller, Read(body), context.RequestAborted);
        await Responses.CreatedAsync(context, writer, RubricDefinition.Instance, rubric);
    }

    public override async Task PatchAsync(HttpContext context, object key)
    {
        var caller = context.RequireCaller();
        var body = await RequestBody.ReadAsync(context.Request, Writable, Computed);
        var rubric = await rubrics.UpdateAsync(caller, (Guid)key, Read(body),
            r => Preconditions.CheckIfMatch(context.Request, RubricDefinition.Instance.ETagOf(r)), context.RequestAborted);
        Responses.Updated(context, RubricDefinition.Instance, rubric);
    }

    /// <summary>The payload as the use case's input: a property sent (even as null) is a change.</summary>
    private static RubricInput Read(RequestBody body)
    {
        var errors = new List<ODataErrorDetail>();
        List<CriterionInput>? criteria = null;
        if (body.Has("Criteria"))
        {
            var rows = body.Array("Criteria", ReadCriterion, errors) ?? [];
            if (rows.Any(r => r is null))
                errors.Add(new("WrongType", "评分项须为 {\"Name\", \"MaxPoints\", \"Description\"} 对象 (criteria are objects)", "Criteria"));
            criteria = rows.OfType<CriterionInput>().ToList();
        }
        var input = new RubricInput(
            Name: body.Has("Name") ? body.String("Name", errors) ?? "" : null,
            Kinds: body.Has("Kinds") ? body.StringList("Kinds", errors) ?? [] : null,
            RequiredReviews: body.Has("RequiredReviews") ? body.Int("RequiredReviews", errors) ?? 0 : null,
            PassMean: body.Has("PassMean") ? (double)(body.Decimal("PassMean", errors) ?? 0) : null,
            DivergenceGap: body.Has("DivergenceGap") ? (double)(body.Decimal("DivergenceGap", errors) ?? 0) : null,
            BlindReview: body.Has("BlindReview") ? body.Boolean("BlindReview", errors) ?? false : null,
            Criteria: criteria);
        RequestBody.ThrowIfAny(errors);
        return input;
    }

    private static CriterionInput? ReadCriterion(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
            return null;
        string? name = null, description = null;
        var points = 0d;
        foreach (var p in e.EnumerateObject())
        {
            if (p.Name.Equals("Name", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String)
                name = p.Value.GetString();
            else if (p.Name.Equals("MaxPoints", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.Number)
                points = p.Value.TryGetDouble(out var d) && double.IsFinite(d) ? d : double.NaN;
            else if (p.Name.Equals("Description", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String)
                description = p.Value.GetString();
        }
        return new CriterionInput(name, points, description);
    }
}
