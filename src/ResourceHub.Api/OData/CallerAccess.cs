using ResourceHub.Api.Identity;
using ResourceHub.Domain.Access;

namespace ResourceHub.Api.OData;

public static class CallerAccess
{
    /// <summary>The authenticated caller, or a 401: only $metadata, the service document and health are anonymous.</summary>
    public static Caller RequireCaller(this HttpContext context) => context.User.ToCaller() ?? throw ODataProblem.Unauthorized();
}
