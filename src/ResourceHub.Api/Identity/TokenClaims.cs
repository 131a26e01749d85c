using System.Security.Claims;
using ResourceHub.Api.OData;
using ResourceHub.Domain.Access;

namespace ResourceHub.Api.Identity;

/// <summary>
/// A signed token must also carry what authorization rests on: one user id, one known role and one
/// organisation. A token that lacks them is refused (401) on every path, never read as some default.
/// </summary>
public static class TokenClaims
{
    private const string ProblemKey = "ResourceHub.TokenClaimsProblem";

    /// <summary>Why this validated principal cannot act here, or null when its claims are complete.</summary>
    public static string? Problem(ClaimsPrincipal principal)
    {
        var ids = principal.FindAll(ClaimNames.UserId).ToList();
        if (ids.Count != 1 || string.IsNullOrWhiteSpace(ids[0].Value))
            return "令牌须含一个用户标识 sub 声明 (the token needs exactly one non-empty 'sub' claim)";
        var roles = principal.FindAll(ClaimNames.Role).ToList();
        if (roles.Count != 1 || !Roles.IsKnown(roles[0].Value))
            return $"令牌的角色无效，须为以下之一：{string.Join("、", Roles.All)} (the token needs exactly one 'role' claim from this list)";
        var orgs = principal.FindAll(ClaimNames.Org).ToList();
        if (orgs.Count != 1 || string.IsNullOrWhiteSpace(orgs[0].Value))
            return "令牌须含所属机构 org 声明 (the token needs exactly one non-empty 'org' claim)";
        return null;
    }

    /// <summary>Marks the request so <see cref="RefuseIncompleteAsync"/> answers it; called once the signature checked out.</summary>
    public static bool Check(HttpContext context, ClaimsPrincipal principal)
    {
        if (Problem(principal) is not { } problem)
            return true;
        context.Items[ProblemKey] = problem;
        return false;
    }

    /// <summary>Middleware after authentication: a token with incomplete claims gets a 401 even where anonymous calls are allowed.</summary>
    public static Task RefuseIncompleteAsync(HttpContext context, RequestDelegate next) =>
        context.Items[ProblemKey] is string problem
            ? ODataErrorMiddleware.WriteAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", problem, "Authorization", [])
            : next(context);
}
