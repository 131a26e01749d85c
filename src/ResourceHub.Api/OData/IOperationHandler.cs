using Microsoft.OData.UriParser;

namespace ResourceHub.Api.OData;

/// <summary>
/// Answers bound actions and functions (Resources(id)/Submit, Resources/ReviewQueue()) and
/// navigations (Resources(id)/Reviews) that a module declares in the EDM. <see cref="ODataRouter"/>
/// picks the handler that lists the operation or navigation name.
/// </summary>
public interface IOperationHandler
{
    IReadOnlyCollection<string> Operations { get; }
    IReadOnlyCollection<string> Navigations { get; }

    /// <summary>Key is null for an operation bound to the whole collection.</summary>
    Task InvokeAsync(HttpContext context, object? key, OperationSegment operation, ODataUriParser parser);

    Task GetNavigationAsync(HttpContext context, object key, NavigationPropertySegment navigation, ODataUriParser parser);

    /// <summary>The media stream of a single-valued navigation (Resources(id)/Revision/$value).</summary>
    Task GetNavigationValueAsync(HttpContext context, object key, NavigationPropertySegment navigation);
}
