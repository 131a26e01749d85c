using Microsoft.OData.UriParser;
using ResourceHub.Api.Curation;
using ResourceHub.Api.OData;
using ResourceHub.Api.Resources;
using ResourceHub.Application.Duplicates;

namespace ResourceHub.Api.Duplicates;

/// <summary>
/// GET /odata/Duplicates (newest findings about items the caller may see), Duplicates(id), Resources(id)/Duplicates,
/// and POST Resources(keepId)/Merge {"Duplicate": id}.
/// </summary>
public sealed class DuplicateHandler(DuplicateMatches matches, ResourceMerging merging, ODataJsonWriter writer) : EntitySetHandlerBase, IOperationHandler
{
    public const int PageSize = 100;

    public override string SetName => DuplicateDefinition.Instance.SetName;

    public IReadOnlyCollection<string> Operations { get; } = [DuplicateEdm.Merge];
    public IReadOnlyCollection<string> Navigations { get; } = [DuplicateEdm.Duplicates];

    public override async Task GetCollectionAsync(HttpContext context, ODataUriParser parser) =>
        await writer.WriteCollectionAsync(context, DuplicateDefinition.Instance,
            await matches.RecentAsync(context.RequireCaller(), PageSize, context.RequestAborted));

    public override async Task GetAsync(HttpContext context, object key, ODataUriParser parser)
    {
        var found = await matches.FindAsync(context.RequireCaller(), (long)key, context.RequestAborted)
                    ?? throw ODataProblem.NotFound($"Duplicates({key}) 不存在 (not found)");
        await writer.WriteEntityAsync(context, DuplicateDefinition.Instance, found);
    }

    public async Task GetNavigationAsync(HttpContext context, object key, NavigationPropertySegment navigation, ODataUriParser parser) =>
        await writer.WriteCollectionAsync(context, DuplicateDefinition.Instance,
            await matches.OfAsync(context.RequireCaller(), (Guid)key, context.RequestAborted));

    public async Task InvokeAsync(HttpContext context, object? key, OperationSegment operation, ODataUriParser parser)
    {
        if (operation.Operations.First().Name != DuplicateEdm.Merge)
            throw ODataProblem.NotFound($"操作 {operation.Operations.First().Name} 不存在 (no such operation)");
        if (!HttpMethods.IsPost(context.Request.Method))
            throw ODataProblem.MethodNotAllowed(context.Request.Method, context.Request.Path);
        if (key is null)
            throw ODataProblem.NotFound("Merge 须绑定到保留的资源 (bind Merge to the resource kept: Resources(id)/Merge)");
        var p = await ActionParameters.ReadAsync(context.Request, DuplicateEdm.DuplicateParameter);
        var duplicate = p.RequiredGuid(DuplicateEdm.DuplicateParameter);
        p.ThrowIfInvalid();
        var kept = await merging.MergeAsync(context.RequireCaller(), (Guid)key, duplicate, context.RequestAborted);
        context.Response.Headers.ETag = kept.ETag;
        await writer.WriteEntityAsync(context, ResourceDefinition.Instance, kept);
    }

    public Task GetNavigationValueAsync(HttpContext context, object key, NavigationPropertySegment navigation) =>
        throw ODataProblem.NotFound($"导航 {navigation.NavigationProperty.Name} 没有媒体流 (this navigation has no media stream)");
}
