using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ResourceHub.Api.Tests.Identity;

/// <summary>
/// A minimal OpenID Connect provider on loopback: discovery, keys, an authorize endpoint that signs in
/// <see cref="NextUser"/> without a form, a token endpoint that checks the client secret and the PKCE verifier,
/// and an end-session endpoint. Enough to run the code flow for real, nothing more.
/// </summary>
public sealed class FakeIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "resourcehub-web";
    public const string ClientSecret = "test-secret";
    public const string ApiAudience = "resourcehub";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "fake-1" };
    private readonly ConcurrentDictionary<string, Grant> _grants = new();

    /// <summary>The claims the next sign-in issues (sub, name, role, org …).</summary>
    public Dictionary<string, string> NextUser { get; set; } = [];

    public List<string> AuthorizeRequests { get; } = [];
    public List<string> TokenRequests { get; } = [];
    public List<string> EndSessionRequests { get; } = [];
    public string Issuer { get; private set; } = "";

    private FakeIdentityProvider()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = Issuer + "/authorize",
            ["token_endpoint"] = Issuer + "/token",
            ["jwks_uri"] = Issuer + "/jwks",
            ["end_session_endpoint"] = Issuer + "/logout",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        _app.MapGet("/jwks", Keys);
        _app.MapGet("/authorize", Authorize);
        _app.MapPost("/token", TokenAsync);
        _app.MapGet("/logout", (HttpRequest r) =>
        {
            EndSessionRequests.Add(r.QueryString.Value ?? "");
            return Results.Ok("signed out");
        });
    }

    public static async Task<FakeIdentityProvider> StartAsync()
    {
        var provider = new FakeIdentityProvider();
        await provider._app.StartAsync();
        provider.Issuer = provider._app.Urls.First().TrimEnd('/');
        return provider;
    }

    /// <summary>An access token for the API, as the provider would issue it to another client.</summary>
    public string AccessToken(IReadOnlyDictionary<string, string> claims, string audience = ApiAudience) =>
        Sign(claims, audience, nonce: null);

    private IResult Keys()
    {
        var p = _key.Rsa.ExportParameters(false);
        return Results.Json(new
        {
            keys = new[]
            {
                new { kty = "RSA", use = "sig", alg = "RS256", kid = _key.KeyId, n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) },
            },
        });
    }

    private IResult Authorize(HttpRequest request)
    {
        AuthorizeRequests.Add(request.QueryString.Value ?? "");
        var q = request.Query;
        var code = Guid.NewGuid().ToString("N");
        _grants[code] = new Grant(q["client_id"]!, q["redirect_uri"]!, q["code_challenge"]!, q["code_challenge_method"]!, q["nonce"]!,
            new Dictionary<string, string>(NextUser));
        return Results.Redirect($"{q["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(q["state"]!)}");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        TokenRequests.Add(string.Join('&', form.Select(f => f.Key + "=" + f.Value)));
        if (!_grants.TryRemove(form["code"].ToString(), out var grant))
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        var verifier = form["code_verifier"].ToString();
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        if (grant.Method != "S256" || challenge != grant.Challenge || form["redirect_uri"] != grant.RedirectUri
            || form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        return Results.Json(new
        {
            id_token = Sign(grant.Claims, ClientId, grant.Nonce),
            access_token = Sign(grant.Claims, ApiAudience, nonce: null),
            token_type = "Bearer",
            expires_in = 300,
        });
    }

    private string Sign(IReadOnlyDictionary<string, string> claims, string audience, string? nonce)
    {
        var subject = new ClaimsIdentity(claims.Select(c => new Claim(c.Key, c.Value)));
        if (nonce is not null)
            subject.AddClaim(new Claim("nonce", nonce));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Subject = subject,
            IssuedAt = DateTime.UtcNow,
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private sealed record Grant(string ClientId, string RedirectUri, string Challenge, string Method, string Nonce, Dictionary<string, string> Claims);
}
