using Microsoft.OData.UriParser;
using ResourceHub.Api.OData;
using ResourceHub.Domain.Curation;

namespace ResourceHub.Api.Curation;

/// <summary>
/// Quotas: region admins set how many items a region (their own or one below it) may recommend at a
/// level, per subject and year. A region without a quota row for that combination is not limited.
/// </summary>
public sealed class QuotaHandler(QuotaAdmin quotas, ODataJsonWriter writer)
    : EntitySetHandlerBase
{
    private static readonly IReadOnlySet<string> Writable = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { "Level", "RegionCode", "Subject", "Year", "MaxCount" };

    private static readonly IReadOnlySet<string> Computed = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Id", "Used" };

    public override string SetName => QuotaDefinition.Instance.SetName;

    public override async Task GetCollectionAsync(HttpContext context, ODataUriParser parser) =>
        await writer.WriteCollectionAsync(context, QuotaDefinition.Instance, await quotas.ListAsync(context.RequireCaller(), context.RequestAborted));

    public override async Task GetAsync(HttpContext context, object key, ODataUriParser parser)
    {
        var quota = await quotas.FindAsync(context.RequireCaller(), (Guid)key, context.RequestAborted);
        context.Response.Headers.ETag = QuotaDefinition.Instance.ETagOf(quota);
        await writer.WriteEntityAsync(context, QuotaDefinition.Instance, quota);
    }

    public override async Task CreateAsync(HttpContext context)
    {
        var caller = context.RequireCaller();
        var body = await RequestBody.ReadAsync(context.Request, Writable, Computed);
        var errors = new List<ODataErrorDetail>();
        var input = new QuotaInput(body.String("Level", errors), body.String("RegionCode", errors), body.String("Subject", errors),
            body.Int("Year", errors), body.Int("MaxCount", errors));
        RequestBody.ThrowIfAny(errors);
        var quota = await quotas.CreateAsync(caller, input, context.RequestAborted);
        await Responses.CreatedAsync(context, writer, QuotaDefinition.Instance, quota);
    }

    /// <summary>Only MaxCount changes; the other fields identify the quota.</summary>
    public override async Task PatchAsync(HttpContext context, object key)
    {
        var caller = context.RequireCaller();
        var body = await RequestBody.ReadAsync(context.Request,
            new HashSet<string>(["MaxCount"], StringComparer.OrdinalIgnoreCase), Writable.Concat(Computed).ToHashSet());
        var errors = new List<ODataErrorDetail>();
        var max = body.Int("MaxCount", errors);
        RequestBody.ThrowIfAny(errors);
        var quota = await quotas.SetMaxAsync(caller, (Guid)key, max,
            q => Preconditions.CheckIfMatch(context.Request, QuotaDefinition.Instance.ETagOf(q)), context.RequestAborted);
        Responses.Updated(context, QuotaDefinition.Instance, quota);
    }
}
