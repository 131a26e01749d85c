using Microsoft.OData.UriParser;
using ResourceHub.Api.Curation;
using ResourceHub.Api.OData;
using ResourceHub.Application.Contests;

namespace ResourceHub.Api.Contests;

/// <summary>
/// The operations bound to a contest and its navigations. Each reads its parameters and calls one use case
/// (src/ResourceHub.Application/Contests), where validation and authorization happen.
/// </summary>
public sealed class ContestOperations(
    ContestOrganising organising, ContestEntering entering, ContestVoting voting, ContestResults results, ODataJsonWriter writer)
    : IOperationHandler
{
    /// <summary>FlaggedVotes() shows the newest this many.</summary>
    private const int FlaggedPage = 200;

    public IReadOnlyCollection<string> Operations { get; } =
    [
        ContestEdm.Enter, ContestEdm.Screen, ContestEdm.Score, ContestEdm.Vote, ContestEdm.Advance, ContestEdm.Disqualify,
        ContestEdm.Award, ContestEdm.NominateWinners, ContestEdm.Results, ContestEdm.FlaggedVotes,
    ];

    public IReadOnlyCollection<string> Navigations { get; } = [ContestEdm.Entries, ContestEdm.Audit];

    public async Task InvokeAsync(HttpContext context, object? key, OperationSegment operation, ODataUriParser parser)
    {
        var name = operation.Operations.First().Name;
        var isFunction = name is ContestEdm.Results or ContestEdm.FlaggedVotes;
        if (isFunction ? !HttpMethods.IsGet(context.Request.Method) : !HttpMethods.IsPost(context.Request.Method))
            throw ODataProblem.MethodNotAllowed(context.Request.Method, context.Request.Path);
        if (key is null)
            throw ODataProblem.NotFound($"{name} 须绑定到单个评选活动 (bind {name} to one contest: Contests(id)/{name})");
        var caller = context.RequireCaller();
        var id = (Guid)key;
        var ct = context.RequestAborted;
        switch (name)
        {
            case ContestEdm.Results:
                var (contest, standings) = await results.ResultsAsync(caller, id, ct);
                await writer.WriteCollectionAsync(context, ContestResultDefinition.Instance, standings.Select(s => new ContestResultLine(s, contest)));
                return;
            case ContestEdm.FlaggedVotes:
                await writer.WriteCollectionAsync(context, ContestVoteDefinition.Instance, await results.FlaggedVotesAsync(caller, id, FlaggedPage, ct));
                return;
            case ContestEdm.Enter:
            {
                var p = await ActionParameters.ReadAsync(context.Request, "resourceId");
                var resource = p.RequiredGuid("resourceId");
                p.ThrowIfInvalid();
                await writer.WriteEntityAsync(context, ContestEntryDefinition.Instance, await entering.EnterAsync(caller, id, resource, ct));
                return;
            }
            case ContestEdm.Screen:
            {
                var p = await ActionParameters.ReadAsync(context.Request, "entryId", "eligible", "reason");
                var (entry, eligible, reason) = (p.RequiredGuid("entryId"), p.RequiredBool("eligible"), p.OptionalString("reason"));
                p.ThrowIfInvalid();
                await writer.WriteEntityAsync(context, ContestEntryDefinition.Instance,
                    await organising.ScreenAsync(caller, id, entry, eligible, reason, ct));
                return;
            }
            case ContestEdm.Score:
            {
                var p = await ActionParameters.ReadAsync(context.Request, "entryId", "scores", "comment");
                var (entry, scores, comment) = (p.RequiredGuid("entryId"), p.Scores("scores"), p.OptionalString("comment"));
                p.ThrowIfInvalid();
                await writer.WriteEntityAsync(context, ContestScoreDefinition.Instance, await entering.ScoreAsync(caller, id, entry, scores, comment, ct));
                return;
            }
            case ContestEdm.Vote:
            {
                var p = await ActionParameters.ReadAsync(context.Request, "entryId");
                var entry = p.RequiredGuid("entryId");
                p.ThrowIfInvalid();
                await writer.WriteEntityAsync(context, ContestVoteDefinition.Instance, await voting.VoteAsync(caller, id, entry, ct));
                return;
            }
            case ContestEdm.Advance:
            {
                var p = await ActionParameters.ReadAsync(context.Request, "reason");
                var reason = p.OptionalString("reason");
                p.ThrowIfInvalid();
                var advanced = await organising.AdvanceAsync(caller, id, reason, ct);
                context.Response.Headers.ETag = ContestDefinition.Instance.ETagOf(advanced);
                await writer.WriteEntityAsync(context, ContestDefinition.Instance, advanced);
                return;
            }
            case ContestEdm.Disqualify:
            {
                var p = await ActionParameters.ReadAsync(context.Request, "entryId", "reason");
                var (entry, reason) = (p.RequiredGuid("entryId"), p.RequiredString("reason"));
                p.ThrowIfInvalid();
                await writer.WriteEntityAsync(context, ContestEntryDefinition.Instance, await organising.DisqualifyAsync(caller, id, entry, reason, ct));
                return;
            }
            case ContestEdm.Award:
            {
                var p = await ActionParameters.ReadAsync(context.Request, "entryId", "level", "reason");
                var (entry, level, reason) = (p.OptionalGuid("entryId"), p.OptionalString("level"), p.OptionalString("reason"));
                p.ThrowIfInvalid();
                var awarded = await organising.AwardAsync(caller, id, entry, level, reason, ct);
                var settings = await results.ContestAsync(caller, id, ct);
                await writer.WriteCollectionAsync(context, ContestResultDefinition.Instance, awarded.Select(s => new ContestResultLine(s, settings)));
                return;
            }
            case ContestEdm.NominateWinners:
            {
                var p = await ActionParameters.ReadAsync(context.Request, "level", "reason");
                var (level, reason) = (p.RequiredString("level"), p.RequiredString("reason"));
                p.ThrowIfInvalid();
                await writer.WriteCollectionAsync(context, WinnerNominationDefinition.Instance,
                    await organising.NominateWinnersAsync(caller, id, level, reason, ct));
                return;
            }
            default:
                throw ODataProblem.NotFound($"操作 {name} 不存在 (no such operation)");
        }
    }

    public async Task GetNavigationAsync(HttpContext context, object key, NavigationPropertySegment navigation, ODataUriParser parser)
    {
        var caller = context.RequireCaller();
        var ct = context.RequestAborted;
        switch (navigation.NavigationProperty.Name)
        {
            case ContestEdm.Entries:
                await writer.WriteCollectionAsync(context, ContestEntryDefinition.Instance, await results.EntriesAsync(caller, (Guid)key, ct));
                return;
            case ContestEdm.Audit:
                await writer.WriteCollectionAsync(context, ContestEventDefinition.Instance, await results.HistoryAsync(caller, (Guid)key, ct));
                return;
            default:
                throw ODataProblem.NotFound($"导航 {navigation.NavigationProperty.Name} 不存在 (no such navigation)");
        }
    }

    public Task GetNavigationValueAsync(HttpContext context, object key, NavigationPropertySegment navigation) =>
        throw ODataProblem.NotFound($"导航 {navigation.NavigationProperty.Name} 没有媒体流 (this navigation has no media stream)");
}
