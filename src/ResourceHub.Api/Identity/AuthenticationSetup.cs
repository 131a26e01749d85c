using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using ResourceHub.Api.OData;
using ResourceHub.Application.Media;
using ResourceHub.Web.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace ResourceHub.Api.Identity;

public static class AuthenticationSetup
{
    private const string SessionOrBearer = "session-or-bearer";

    /// <summary>
    /// A request with a bearer token is the API's; otherwise the web session cookie says who it is. The cookie
    /// never authorizes a change through the API (its forms carry antiforgery tokens; the API's actions do not),
    /// so API writes need a bearer token and a cross-site form cannot act with someone's session.
    /// </summary>
    private static string ChooseScheme(HttpContext context)
    {
        if (context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return JwtBearerDefaults.AuthenticationScheme;
        var safe = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        return !safe && context.Request.Path.StartsWithSegments(ServiceRoot.Path)
            ? JwtBearerDefaults.AuthenticationScheme
            : CookieAuthenticationDefaults.AuthenticationScheme;
    }

    public static IServiceCollection AddResourceHubAuthentication(this IServiceCollection services, IConfiguration config, string dataDir)
    {
        var options = config.GetSection("ResourceHub:Auth").Get<IdentityOptions>() ?? new IdentityOptions();
        services.AddSingleton(options);
        services.AddSingleton(sp => new LocalSigningKeySource(sp.GetRequiredService<IServiceScopeFactory>(), dataDir));
        services.AddSingleton(sp => new TokenIssuer(sp.GetRequiredService<LocalSigningKeySource>().Key, options));
        services.AddSharedDataProtection();
        var validated = new ValidatedTokens(TimeProvider.System);
        services.AddSingleton(validated);
        services.AddSingleton(sp => new MediaLinks(sp.GetRequiredService<LocalSigningKeySource>().Key.Key, TimeProvider.System));
        services.AddSingleton(new SignInChoices(options.UsesProvider, options.LocalSignIn ?? !options.UsesProvider));
        var authentication = services.AddAuthentication(SessionOrBearer);
        if (options.UsesProvider)
            authentication.AddOpenIdConnect(SignInChoices.ProviderScheme, "统一身份认证", o => ProviderSignIn.Configure(o, options));
        authentication.AddPolicyScheme(SessionOrBearer, "cookie session or bearer token", p =>
            p.ForwardDefaultSelector = ChooseScheme).AddCookie(WebSession.Configure).AddJwtBearer(jwt =>
        {
            // Keep claim names as issued ("sub", "role", …) instead of mapping to long URIs.
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidAudience = options.Audience,
                NameClaimType = ClaimNames.DisplayName,
                RoleClaimType = ClaimNames.Role,
                ClockSkew = TimeSpan.FromMinutes(1),
            };
            jwt.Events = validated.Events(jwt.TokenValidationParameters.ClockSkew);
            // Locally signed tokens (the `token` verb, for operators' scripts) stay valid beside a provider's:
            // with Authority set, the handler adds the provider's issuer and keys to these.
            jwt.TokenValidationParameters.ValidIssuers = [options.LocalIssuer];
            if (!string.IsNullOrEmpty(options.Authority))
            {
                jwt.Authority = options.Authority;
                jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
            }
        });
        // The key lives in the database, so it is read when the options are first built (first request), not here.
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<LocalSigningKeySource>((jwt, keys) => jwt.TokenValidationParameters.IssuerSigningKeys = [keys.Key]);
        services.AddAuthorization();
        return services;
    }
}
