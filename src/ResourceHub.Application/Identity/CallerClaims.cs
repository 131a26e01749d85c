using System.Security.Claims;
using ResourceHub.Domain.Access;

namespace ResourceHub.Application.Identity;

public static class CallerClaims
{
    /// <summary>The domain's view of an authenticated principal; null when anonymous or missing claims.</summary>
    public static Caller? ToCaller(this ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
            return null;
        var id = principal.FindFirstValue(ClaimNames.UserId);
        var role = principal.FindFirstValue(ClaimNames.Role);
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(role))
            return null;
        var subjects = principal.FindAll(ClaimNames.Subject)
            .SelectMany(c => c.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct()
            .ToList();
        return new Caller(id, principal.FindFirstValue(ClaimNames.DisplayName) ?? id, role,
            principal.FindFirstValue(ClaimNames.Org) ?? "", subjects);
    }

    /// <summary>The claims that say who a caller is: what tokens carry and what the web's session cookie holds.</summary>
    public static List<Claim> ToClaims(this Caller caller)
    {
        var claims = new List<Claim>
        {
            new(ClaimNames.UserId, caller.UserId),
            new(ClaimNames.DisplayName, caller.DisplayName),
            new(ClaimNames.Role, caller.Role),
            new(ClaimNames.Org, caller.OrgCode),
        };
        claims.AddRange(caller.Subjects.Select(s => new Claim(ClaimNames.Subject, s)));
        return claims;
    }
}
