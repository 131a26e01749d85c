using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ResourceHub.Api.Identity;

/// <summary>Mints tokens signed with the local key (the `token` CLI verb and tests).</summary>
public sealed class TokenIssuer(SymmetricSecurityKey key, IdentityOptions options)
{
    public string Issue(string userId, string role, string org, string? displayName = null,
        IEnumerable<string>? subjects = null, TimeSpan? lifetime = null)
    {
        var claims = new List<Claim>
        {
            new(ClaimNames.UserId, userId),
            new(ClaimNames.DisplayName, displayName ?? userId),
            new(ClaimNames.Role, role),
            new(ClaimNames.Org, org),
        };
        claims.AddRange((subjects ?? []).Select(s => new Claim(ClaimNames.Subject, s)));
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
