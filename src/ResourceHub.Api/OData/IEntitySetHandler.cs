using Microsoft.OData.UriParser;

namespace ResourceHub.Api.OData;

/// <summary>
/// What one entity set answers. <see cref="ODataRouter"/> parses the URL with ODL and calls the
/// matching member; members a set does not support answer 405.
/// </summary>
public interface IEntitySetHandler
{
    string SetName { get; }
    /// <summary>Whether GET on the set and its entities applies $filter, $select, … (otherwise the router refuses them).</summary>
    bool ReadsQueryOptions { get; }
    Task GetCollectionAsync(HttpContext context, ODataUriParser parser);
    Task GetCountAsync(HttpContext context, ODataUriParser parser);
    Task CreateAsync(HttpContext context);
    Task GetAsync(HttpContext context, object key, ODataUriParser parser);
    Task PatchAsync(HttpContext context, object key);
    Task DeleteAsync(HttpContext context, object key);
    Task GetValueAsync(HttpContext context, object key);
    Task PutValueAsync(HttpContext context, object key);
    Task GetNavigationAsync(HttpContext context, object key, string navigation);
}

/// <summary>Answers 405 for everything; handlers override what their set supports.</summary>
public abstract class EntitySetHandlerBase : IEntitySetHandler
{
    public abstract string SetName { get; }
    public virtual bool ReadsQueryOptions => false;

    public virtual Task GetCollectionAsync(HttpContext context, ODataUriParser parser) => throw NotAllowed(context);
    public virtual Task GetCountAsync(HttpContext context, ODataUriParser parser) => throw NotAllowed(context);
    public virtual Task CreateAsync(HttpContext context) => throw NotAllowed(context);
    public virtual Task GetAsync(HttpContext context, object key, ODataUriParser parser) => throw NotAllowed(context);
    public virtual Task PatchAsync(HttpContext context, object key) => throw NotAllowed(context);
    public virtual Task DeleteAsync(HttpContext context, object key) => throw NotAllowed(context);
    public virtual Task GetValueAsync(HttpContext context, object key) => throw NotAllowed(context);
    public virtual Task PutValueAsync(HttpContext context, object key) => throw NotAllowed(context);
    public virtual Task GetNavigationAsync(HttpContext context, object key, string navigation) => throw NotAllowed(context);

    protected static ODataProblem NotAllowed(HttpContext context) =>
        ODataProblem.MethodNotAllowed(context.Request.Method, context.Request.Path);
}
