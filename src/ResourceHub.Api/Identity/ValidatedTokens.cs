using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace ResourceHub.Api.Identity;

/// <summary>
/// Remembers bearer tokens that passed full validation, so a client's next requests skip the signature check
/// and claim parsing (about 0.1 ms a request, a tenth of the search page's HTTP overhead). An entry lives until
/// the token expires (plus the validator's clock skew) or <see cref="MaxAge"/>, whichever comes first, so a
/// rotated signing key stops being honoured within minutes. Only the exact token text hits; the cache is
/// cleared when it grows past <see cref="Capacity"/> entries.
/// </summary>
public sealed class ValidatedTokens(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public ClaimsPrincipal? Find(string token)
    {
        if (!_entries.TryGetValue(token, out var entry))
            return null;
        if (clock.GetUtcNow() < entry.Until)
            return entry.Principal;
        _entries.TryRemove(token, out _);
        return null;
    }

    public void Remember(string token, ClaimsPrincipal principal, DateTimeOffset expires)
    {
        var until = Min(expires, clock.GetUtcNow() + MaxAge);
        if (_entries.Count >= Capacity)
            _entries.Clear();
        _entries[token] = new Entry(principal, until);
    }

    /// <summary>Wires the cache into JwtBearer: look up before validating, remember after.</summary>
    public JwtBearerEvents Events(TimeSpan clockSkew) => new()
    {
        OnMessageReceived = context =>
        {
            if (BearerToken(context.Request) is { } token && Find(token) is { } principal)
            {
                context.Principal = principal;
                context.Success();
            }
            return Task.CompletedTask;
        },
        OnTokenValidated = context =>
        {
            if (context.Principal is { } checkedPrincipal && !TokenClaims.Check(context.HttpContext, checkedPrincipal))
            {
                context.Fail("incomplete claims"); // never remembered, so every use is refused
                return Task.CompletedTask;
            }
            if (BearerToken(context.Request) is { } token && context.Principal is { } principal
                && context.SecurityToken.ValidTo > DateTime.MinValue)
                Remember(token, principal, new DateTimeOffset(context.SecurityToken.ValidTo, TimeSpan.Zero) + clockSkew);
            return Task.CompletedTask;
        },
    };

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private sealed record Entry(ClaimsPrincipal Principal, DateTimeOffset Until);
}
