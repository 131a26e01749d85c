using Microsoft.OData.UriParser;
using ResourceHub.Api.OData;
using ResourceHub.Application.Duplicates;

namespace ResourceHub.Api.Duplicates;

/// <summary>GET /odata/Duplicates (newest findings about items the caller may see), Duplicates(id), and Resources(id)/Duplicates.</summary>
public sealed class DuplicateHandler(DuplicateMatches matches, ODataJsonWriter writer) : EntitySetHandlerBase, IOperationHandler
{
    public const int PageSize = 100;

    public override string SetName => DuplicateDefinition.Instance.SetName;

    public IReadOnlyCollection<string> Operations { get; } = [];
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

    public Task InvokeAsync(HttpContext context, object? key, OperationSegment operation, ODataUriParser parser) =>
        throw ODataProblem.NotFound($"操作 {operation.Operations.First().Name} 不存在 (no such operation)");

    public Task GetNavigationValueAsync(HttpContext context, object key, NavigationPropertySegment navigation) =>
        throw ODataProblem.NotFound($"导航 {navigation.NavigationProperty.Name} 没有媒体流 (this navigation has no media stream)");
}
