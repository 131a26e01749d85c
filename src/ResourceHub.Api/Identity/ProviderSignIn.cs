using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using ResourceHub.Web.Hosting;

namespace ResourceHub.Api.Identity;

/// <summary>
/// Web sign-in through the province's identity provider: OpenID Connect code flow with PKCE. The provider's
/// ID token must carry the same claims a bearer token does (sub, role, org); the session cookie is then built
/// exactly as a local sign-in builds it, so pages cannot tell the two apart.
/// </summary>
public static class ProviderSignIn
{
    public const string FailedParameter = "failed";
    public const string IncompleteClaims = "claims";
    public const string ProviderError = "provider";

    public static void Configure(OpenIdConnectOptions o, IdentityOptions options)
    {
        o.Authority = options.Authority;
        o.RequireHttpsMetadata = options.RequireHttpsMetadata;
        o.ClientId = options.ClientId;
        o.ClientSecret = string.IsNullOrEmpty(options.ClientSecret) ? null : options.ClientSecret;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.UsePkce = true;
        // The code comes back on a top-level GET, which the correlation cookies survive under SameSite=Lax
        // (a cross-site form_post would need SameSite=None); PKCE binds the code to this browser anyway.
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.CorrelationCookie.SameSite = SameSiteMode.Lax;
        o.NonceCookie.SameSite = SameSiteMode.Lax;
        // Secure behind the TLS proxy (forwarded scheme), still usable on a plain-HTTP laptop run.
        o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        o.CallbackPath = SignInChoices.CallbackPath;
        o.SignedOutCallbackPath = SignInChoices.SignedOutCallbackPath;
        o.SignedOutRedirectUri = WebSession.SignInPath;
        o.MapInboundClaims = false;
        o.GetClaimsFromUserInfoEndpoint = false;
        o.SaveTokens = false; // only the ID token is kept (for the sign-out hint), see TokenValidated
        o.Scope.Clear();
        o.Scope.Add("openid");
        o.Scope.Add("profile");
        o.TokenValidationParameters.NameClaimType = ClaimNames.DisplayName;
        o.TokenValidationParameters.RoleClaimType = ClaimNames.Role;
        o.Events.OnTokenValidated = TokenValidated;
        o.Events.OnRemoteFailure = RemoteFailure;
    }

    private static Task TokenValidated(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        if (TokenClaims.Problem(principal) is { } problem)
        {
            context.Fail(new IncompleteClaimsException(problem));
            return Task.CompletedTask;
        }
        var caller = principal.ToCaller()!;
        var name = principal.FindFirstValue(ClaimNames.DisplayName) ?? principal.FindFirstValue("preferred_username") ?? caller.UserId;
        var claims = (caller with { DisplayName = name }).ToClaims();
        claims.Add(new Claim(SignInChoices.ViaProviderClaim, SignInChoices.ProviderScheme));
        context.Principal = new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme,
            ClaimNames.DisplayName, ClaimNames.Role));
        if (context.TokenEndpointResponse?.IdToken is { Length: > 0 } idToken)
            context.Properties!.StoreTokens([new AuthenticationToken { Name = OpenIdConnectParameterNames.IdToken, Value = idToken }]);
        return Task.CompletedTask;
    }

    /// <summary>A failed or refused sign-in lands on the sign-in page with a Chinese explanation, never an error page.</summary>
    private static Task RemoteFailure(RemoteFailureContext context)
    {
        var reason = context.Failure is IncompleteClaimsException ? IncompleteClaims : ProviderError;
        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProviderSignIn))
            .LogWarning("Sign-in through the identity provider failed: {Reason}", context.Failure?.Message);
        context.Response.Redirect($"{WebSession.SignInPath}?{FailedParameter}={reason}");
        context.HandleResponse();
        return Task.CompletedTask;
    }

    private sealed class IncompleteClaimsException(string message) : Exception(message);
}
