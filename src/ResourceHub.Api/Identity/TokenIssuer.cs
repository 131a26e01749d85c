using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ResourceHub.Domain.Access;

namespace ResourceHub.Api.Identity;

/// <summary>Mints tokens signed with the local key (the `token` CLI verb and tests).</summary>
public sealed class TokenIssuer(SymmetricSecurityKey key, IdentityOptions options)
{
    public string Issue(string userId, string role, string org, string? displayName = null,
        IEnumerable<string>? subjects = null, TimeSpan? lifetime = null)
    {
        var claims = new Caller(userId, displayName ?? userId, role, org, (subjects ?? []).ToList()).ToClaims();
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.LocalIssuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromDays(30)),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
