using Microsoft.EntityFrameworkCore;
using Microsoft.OData.UriParser;
using ResourceHub.Api.Curation;
using ResourceHub.Api.OData;
using ResourceHub.Application.Contests;
using ResourceHub.Data;
using ResourceHub.Domain.Contests;

namespace ResourceHub.Api.Contests;

/// <summary>The Contests set: everyone signed in reads them (the rules are public); region admins create them.</summary>
public sealed class ContestHandler(ResourceHubDbContext db, ContestOrganising organising, ContestResults results, ODataJsonWriter writer) : EntitySetHandlerBase
{
    private static readonly IReadOnlySet<string> Writable = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Title", "Rules", "Kinds", "Subjects", "Stages", "TrainingProject", "RubricId", "CollectFrom", "ScreenFrom", "JudgeFrom",
        "PublicityFrom", "ResultsFrom", "ExpertWeight", "FirstPrizes", "SecondPrizes", "ThirdPrizes", "ExcellencePrizes", "VotesPerDay",
    };

    private static readonly IReadOnlySet<string> Computed = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { "Id", "RegionOrg", "Phase", "PhaseName", "PhaseEndsAt", "PublicWeight", "Formula", "CreatedBy", "CreatedAt", "UpdatedAt" };

    public override string SetName => ContestDefinition.Instance.SetName;

    public override async Task GetCollectionAsync(HttpContext context, ODataUriParser parser)
    {
        context.RequireCaller();
        await writer.WriteCollectionAsync(context, ContestDefinition.Instance, await results.ListAsync(context.RequestAborted));
    }

    public override async Task GetAsync(HttpContext context, object key, ODataUriParser parser)
    {
        context.RequireCaller();
        var contest = await db.Set<Contest>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == (Guid)key, context.RequestAborted)
                      ?? throw ODataProblem.NotFound($"评选活动 {key} 不存在 (no contest with this id)");
        context.Response.Headers.ETag = ContestDefinition.Instance.ETagOf(contest);
        await writer.WriteEntityAsync(context, ContestDefinition.Instance, contest);
    }

    public override async Task CreateAsync(HttpContext context)
    {
        var caller = context.RequireCaller();
        await organising.AuthorizeCreateAsync(caller, context.RequestAborted);
        var body = await RequestBody.ReadAsync(context.Request, Writable, Computed);
        var errors = new List<ODataErrorDetail>();
        var draft = new ContestDraft(
            body.String("Title", errors), body.String("Rules", errors), body.StringList("Kinds", errors), body.StringList("Subjects", errors),
            body.StringList("Stages", errors), body.String("TrainingProject", errors), body.Guid("RubricId", errors),
            body.DateTimeOffset("CollectFrom", errors), body.DateTimeOffset("ScreenFrom", errors), body.DateTimeOffset("JudgeFrom", errors),
            body.DateTimeOffset("PublicityFrom", errors), body.DateTimeOffset("ResultsFrom", errors), body.Int("ExpertWeight", errors),
            body.Int("FirstPrizes", errors), body.Int("SecondPrizes", errors), body.Int("ThirdPrizes", errors),
            body.Int("ExcellencePrizes", errors), body.Int("VotesPerDay", errors));
        RequestBody.ThrowIfAny(errors);
        var contest = await organising.CreateAsync(caller, draft, context.RequestAborted);
        await Responses.CreatedAsync(context, writer, ContestDefinition.Instance, contest);
    }
}
