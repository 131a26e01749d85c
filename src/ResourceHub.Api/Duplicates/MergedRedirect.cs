using Microsoft.OData.UriParser;
using ResourceHub.Api.OData;
using ResourceHub.Application.Duplicates;

namespace ResourceHub.Api.Duplicates;

/// <summary>
/// A merged resource's id stands for the kept one: reading Resources(oldId) or its $value answers 301 with the kept
/// URL in Location (query kept); writing to it or invoking an action on it is a 409 naming the kept id. Navigations
/// (History, Reviews, Duplicates, …) still answer for the merged row, so its own history stays readable.
/// </summary>
public static class MergedRedirect
{
    public static async Task ThrowIfMergedAsync(HttpContext context, IReadOnlyList<ODataPathSegment> segments)
    {
        if (segments is not [EntitySetSegment { EntitySet.Name: "Resources" }, KeySegment key, ..] || segments.Count > 3)
            return;
        var tail = segments.Count == 3 ? segments[2] : null;
        if (tail is not (null or ValueSegment or OperationSegment) || key.Keys.Single().Value is not Guid id)
            return;
        var kept = await context.RequestServices.GetRequiredService<ResourceMerging>().KeptIdAsync(id, context.RequestAborted);
        if (kept is null)
            return;
        var method = context.Request.Method;
        var read = tail is not OperationSegment && (HttpMethods.IsGet(method) || HttpMethods.IsHead(method));
        var problem = read
            ? new ODataProblem(StatusCodes.Status301MovedPermanently, "Merged", $"该资源已合并到 {kept}，请使用新地址 (merged into {kept}: see Location)")
            : new ODataProblem(StatusCodes.Status409Conflict, "Merged", $"该资源已合并到 {kept}，请对保留的资源操作 (merged into {kept}: act on the kept resource)");
        problem.Headers["Location"] = ServiceRoot.EntityUri(context.Request, "Resources", kept.Value).AbsoluteUri
                                      + (tail is ValueSegment ? "/$value" : "") + (read ? context.Request.QueryString.Value : "");
        throw problem;
    }
}
