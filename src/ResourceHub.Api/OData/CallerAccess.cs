using ResourceHub.Api.Identity;
using ResourceHub.Application.Identity;
using ResourceHub.Data;
using ResourceHub.Domain.Access;

namespace ResourceHub.Api.OData;

public static class CallerAccess
{
    private const string ResolvedKey = "ResourceHub.Caller";

    /// <summary>
    /// The authenticated caller, or a 401: only $metadata, the service document and health are anonymous.
    /// An admin comes with its region (<see cref="OrganizationTree"/>), so every rule downstream sees it.
    /// </summary>
    public static Caller RequireCaller(this HttpContext context)
    {
        var caller = context.User.ToCaller() ?? throw ODataProblem.Unauthorized();
        if (!caller.IsAdmin)
            return caller;
        if (context.Items[ResolvedKey] is Caller resolved && resolved.UserId == caller.UserId)
            return resolved;
        var services = context.RequestServices;
        var tree = services.GetRequiredService<OrganizationDirectory>().Tree(services.GetRequiredService<ResourceHubDbContext>());
        resolved = tree.Resolve(caller);
        context.Items[ResolvedKey] = resolved;
        return resolved;
    }
}
