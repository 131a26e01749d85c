using ResourceHub.Api.OData;
using ResourceHub.Application.Duplicates;
using ResourceHub.Domain.Duplicates;

namespace ResourceHub.Api.Duplicates;

/// <summary>
/// After an upload: a <c>Link: &lt;…/Resources(id)&gt;; rel="duplicate"</c> (RFC 6249) for each resource with the same
/// bytes the uploader may see; the ones they may not see are only counted in Resources(id)/Duplicates.
/// </summary>
public static class DuplicateLinks
{
    public static async Task AddAsync(HttpContext context, DuplicateMatches matches, Guid id)
    {
        var found = await matches.OfAsync(context.RequireCaller(), id, context.RequestAborted);
        foreach (var other in found.Where(m => m.Method == DuplicateMethods.Sha256 && m.OtherResourceId is not null))
            context.Response.Headers.Append("Link",
                $"<{ServiceRoot.EntityUri(context.Request, "Resources", other.OtherResourceId!.Value)}>; rel=\"duplicate\"");
    }
}
