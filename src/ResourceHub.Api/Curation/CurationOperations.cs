using Microsoft.EntityFrameworkCore;
using Microsoft.OData.UriParser;
using Microsoft.OData.Edm;
using ResourceHub.Api.OData;
using ResourceHub.Api.Packages;
using ResourceHub.Application.Packages;
using ResourceHub.Api.Resources;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Packages;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Api.Curation;

/// <summary>
/// The bound actions on Resource (Submit, Review, Nominate, Recommend, Retire, Rate, Transfer) and on Package (the
/// same names but Rate and Transfer), the ReviewQueue functions and the curation navigations of both. Each action
/// loads the item, lets <see cref="CurationWorkflow"/> decide, and saves against the If-Match / Version the caller acted on.
/// </summary>
public sealed class CurationOperations(
    ResourceHandler resources, CurationStore store, CurationRunner actions, ReviewDesk desk, Recommendations recommendations,
    CurationQueries queries, RevisionReader revisions, ResourceHubDbContext db, ODataJsonWriter writer, PackageCuration packageCuration,
    PackageAuthoring packages)
    : IOperationHandler
{
    public IReadOnlyCollection<string> Operations { get; } =
    [
        CurationEdm.Submit, CurationEdm.Review, CurationEdm.Nominate, CurationEdm.Recommend,
        CurationEdm.Retire, CurationEdm.Rate, CurationEdm.Transfer, CurationEdm.ReviewQueue,
    ];

    public IReadOnlyCollection<string> Navigations { get; } =
        [CurationEdm.Reviews, CurationEdm.History, CurationEdm.Nominations, CurationEdm.Stats, CurationEdm.Criteria, CurationEdm.Revision];

    public async Task InvokeAsync(HttpContext context, object? key, OperationSegment operation, ODataUriParser parser)
    {
        var name = operation.Operations.First().Name;
        if (name == CurationEdm.ReviewQueue)
        {
            if (!HttpMethods.IsGet(context.Request.Method))
                throw ODataProblem.MethodNotAllowed(context.Request.Method, context.Request.Path);
            if (CurationEdm.OnPackages(operation))
                await WritePackageQueueAsync(context);
            else
                await WriteQueueAsync(context);
            return;
        }
        if (!HttpMethods.IsPost(context.Request.Method))
            throw ODataProblem.MethodNotAllowed(context.Request.Method, context.Request.Path);
        var onPackages = CurationEdm.OnPackages(operation);
        if (key is null)
            throw ODataProblem.NotFound(onPackages
                ? $"{name} 须绑定到单个资源包 (bind {name} to one package: Packages(id)/{name})"
                : $"{name} 须绑定到单个资源 (bind {name} to one resource: Resources(id)/{name})");
        if (onPackages)
        {
            var act = (await PrepareAsync(context, name)).Package;
            var package = await act(context.RequireCaller(), (Guid)key, PackageHandler.ExpectedVersion(context.Request), context.RequestAborted);
            context.Response.Headers.ETag = PackageDefinition.Instance.ETagOf(package);
            await writer.WriteEntityAsync(context, PackageDefinition.Instance, package);
            return;
        }
        var resource = name == CurationEdm.Rate
            ? await RateAsync(context, key, await ReadStarsAsync(context))
            : await (await PrepareAsync(context, name)).Resource(context.RequireCaller(), (Guid)key, CheckIfMatch(context), context.RequestAborted);
        context.Response.Headers.ETag = resource.ETag;
        await writer.WriteEntityAsync(context, ResourceDefinition.Instance, resource);
    }

    private delegate Task<Resource> Act(Caller caller, Guid id, Action<Resource> checkVersion, CancellationToken ct);

    private delegate Task<Package> PackageAct(Caller caller, Guid id, long? expectedVersion, CancellationToken ct);

    /// <summary>The use case an action runs on a resource and on a package (the same step, loaded from either).</summary>
    private sealed record Prepared(Act Resource, PackageAct Package);

    /// <summary>Reads the parameters once (the body can be read only once) and returns the use case to run.</summary>
    private async Task<Prepared> PrepareAsync(HttpContext context, string name)
    {
        switch (name)
        {
            case CurationEdm.Submit:
                await ActionParameters.ReadAsync(context.Request);
                return new(Step(s => s.SubmitAsync()), packageCuration.SubmitAsync);
            case CurationEdm.Review:
            {
                var p = await ActionParameters.ReadAsync(context.Request, "scores", "verdict", "comment");
                var input = new ReviewInput(p.Scores("scores"), p.RequiredString("verdict"), p.OptionalString("comment"));
                p.ThrowIfInvalid();
                return new((caller, id, check, ct) => desk.ReviewAsync(caller, id, input, check, ct),
                    (caller, id, version, ct) => packageCuration.ReviewAsync(caller, id, input, version, ct));
            }
            case CurationEdm.Nominate:
            {
                var p = await ActionParameters.ReadAsync(context.Request, "level", "reason");
                var (level, reason) = (p.RequiredString("level"), p.RequiredString("reason"));
                p.ThrowIfInvalid();
                return new((caller, id, check, ct) => recommendations.NominateAsync(caller, id, level, reason, check, ct),
                    (caller, id, version, ct) => packageCuration.NominateAsync(caller, id, level, reason, version, ct));
            }
            case CurationEdm.Recommend:
            {
                var p = await ActionParameters.ReadAsync(context.Request, "level", "reason");
                var (level, reason) = (p.RequiredString("level"), p.OptionalString("reason"));
                p.ThrowIfInvalid();
                return new((caller, id, check, ct) => recommendations.RecommendAsync(caller, id, level, reason, check, ct),
                    (caller, id, version, ct) => packageCuration.RecommendAsync(caller, id, level, reason, version, ct));
            }
            case CurationEdm.Transfer:
            {
                var p = await ActionParameters.ReadAsync(context.Request, "ownerOrg", "reason");
                var (org, reason) = (p.RequiredString("ownerOrg"), p.RequiredString("reason"));
                p.ThrowIfInvalid();
                return new(Step(s => s.TransferAsync(org, reason)), NotForPackages(name));
            }
            case CurationEdm.Retire:
            {
                var p = await ActionParameters.ReadAsync(context.Request, "reason");
                var reason = p.RequiredString("reason");
                p.ThrowIfInvalid();
                return new(Step(s => s.RetireAsync(reason)), (caller, id, version, ct) => packageCuration.RetireAsync(caller, id, reason, version, ct));
            }
            default:
                throw ODataProblem.NotFound($"操作 {name} 不存在 (no such operation)");
        }
    }

    /// <summary>Not bound on Package in the model, so never reached through a parsed path; refused plainly if it were.</summary>
    private static PackageAct NotForPackages(string name) =>
        (_, _, _, _) => throw ODataProblem.NotFound($"资源包没有操作 {name} (packages have no {name} action)");

    private Act Step(Func<CurationStep, Task> run) => (caller, id, check, ct) => actions.ActAsync(caller, id, check, run, ct);

    private static async Task<int> ReadStarsAsync(HttpContext context)
    {
        var p = await ActionParameters.ReadAsync(context.Request, "stars");
        var stars = p.RequiredInt("stars");
        p.ThrowIfInvalid();
        return stars;
    }

    private Task<Resource> RateAsync(HttpContext context, object key, int stars) =>
        actions.RateAsync(context.RequireCaller(), (Guid)key, stars, CheckIfMatch(context), pinned: context.Request.Headers.IfMatch.Count > 0,
            context.RequestAborted);

    private static Action<Resource> CheckIfMatch(HttpContext context) => r => Preconditions.CheckIfMatch(context.Request, r.ETag);

    /// <summary>Packages awaiting this expert (<see cref="ReviewDesk.PackageQueueAsync"/>).</summary>
    private async Task WritePackageQueueAsync(HttpContext context)
    {
        var queue = await desk.PackageQueueAsync(context.RequireCaller(), context.RequestAborted);
        await writer.WriteCollectionAsync(context, PackageDefinition.Instance, queue);
    }

    /// <summary>Items awaiting this expert (<see cref="ReviewDesk.QueueAsync"/>), each as the version under review.</summary>
    private async Task WriteQueueAsync(HttpContext context)
    {
        var queue = await desk.QueueAsync(context.RequireCaller(), context.RequestAborted);
        var entries = queue.Select(x => RevisionReader.Entry(context.Request, x.Live, x.Revision, x.Blind)).ToList();
        await writer.WriteEntriesAsync(context, ResourceDefinition.Instance.SetName, entries);
    }

    public async Task GetNavigationAsync(HttpContext context, object key, NavigationPropertySegment navigation, ODataUriParser parser)
    {
        var caller = context.RequireCaller();
        var ct = context.RequestAborted;
        switch (navigation.NavigationProperty.Name)
        {
            case CurationEdm.Criteria:
                var rubric = await store.RubricAsync((Guid)key, ct);
                await writer.WriteCollectionAsync(context, RubricCriterionDefinition.Instance, rubric.Criteria.OrderBy(c => c.Position));
                return;
            case CurationEdm.Stats:
                var resource = await resources.FindVisibleAsync(context, key);
                var stats = await db.Set<ResourceStats>().AsNoTracking().FirstOrDefaultAsync(s => s.ResourceId == resource.Id, ct)
                            ?? new ResourceStats { ResourceId = resource.Id, UpdatedAt = resource.UpdatedAt };
                await writer.WriteEntityAsync(context, ResourceStatsDefinition.Instance, stats);
                return;
        }
        if (navigation.NavigationProperty.DeclaringType is IEdmEntityType { Name: "Package" })
        {
            await WritePackageRecordAsync(context, caller, (await packages.FindReadableAsync(caller, (Guid)key, ct)).Id,
                navigation.NavigationProperty.Name, ct);
            return;
        }
        var live = await resources.FindVisibleAsync(context, key);
        var id = live.Id;
        switch (navigation.NavigationProperty.Name)
        {
            case CurationEdm.Revision:
                await revisions.WriteAsync(context, caller, live);
                return;
            case CurationEdm.Reviews:
                await writer.WriteCollectionAsync(context, ReviewDefinition.Instance,
                    await queries.Reviews(caller).Where(r => r.ResourceId == id).OrderBy(r => r.Round).ThenBy(r => r.CreatedAt).ToListAsync(ct));
                return;
            case CurationEdm.History:
                await writer.WriteCollectionAsync(context, HistoryDefinition.Instance, await queries.ShownHistoryAsync(caller,
                    await queries.History(caller).Where(e => e.ResourceId == id).OrderBy(e => e.Id).ToListAsync(ct), ct));
                return;
            case CurationEdm.Nominations:
                await writer.WriteCollectionAsync(context, NominationDefinition.Instance,
                    await queries.Nominations(caller).Where(n => n.ResourceId == id).OrderBy(n => n.At).ToListAsync(ct));
                return;
            default:
                throw ODataProblem.NotFound($"导航 {navigation.NavigationProperty.Name} 不存在 (no such navigation)");
        }
    }

    /// <summary>Packages(id)/Reviews, /History, /Nominations: the same records as a resource's, read by the same rules.</summary>
    private async Task WritePackageRecordAsync(HttpContext context, Caller caller, Guid id, string navigation, CancellationToken ct)
    {
        switch (navigation)
        {
            case CurationEdm.Reviews:
                await writer.WriteCollectionAsync(context, ReviewDefinition.Instance,
                    await queries.OwnReviews(caller, db.Set<Review>().AsNoTracking()).Where(r => r.ResourceId == id)
                        .OrderBy(r => r.Round).ThenBy(r => r.CreatedAt).ToListAsync(ct));
                return;
            case CurationEdm.History:
                await writer.WriteCollectionAsync(context, HistoryDefinition.Instance, await queries.ShownHistoryAsync(caller,
                    await db.Set<CurationEvent>().AsNoTracking().Where(e => e.ResourceId == id).OrderBy(e => e.Id).ToListAsync(ct), ct));
                return;
            case CurationEdm.Nominations:
                await writer.WriteCollectionAsync(context, NominationDefinition.Instance,
                    await db.Set<Nomination>().AsNoTracking().Where(n => n.ResourceId == id).OrderBy(n => n.At).ToListAsync(ct));
                return;
            default:
                throw ODataProblem.NotFound($"导航 {navigation} 不存在 (no such navigation)");
        }
    }

    /// <summary>Resources(id)/Revision/$value: the new file of a pending revision.</summary>
    public async Task GetNavigationValueAsync(HttpContext context, object key, NavigationPropertySegment navigation)
    {
        if (navigation.NavigationProperty.Name != CurationEdm.Revision)
            throw ODataProblem.NotFound($"导航 {navigation.NavigationProperty.Name} 没有媒体流 (this navigation has no media stream)");
        var live = await resources.FindVisibleAsync(context, key);
        await revisions.ServeFileAsync(context, context.RequireCaller(), live);
    }
}
