using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace ResourceHub.Api.Identity;

public static class AuthenticationSetup
{
    public static IServiceCollection AddResourceHubAuthentication(this IServiceCollection services, IConfiguration config, string dataDir)
    {
        var options = config.GetSection("ResourceHub:Auth").Get<IdentityOptions>() ?? new IdentityOptions();
        services.AddSingleton(options);
        services.AddSingleton(sp => new LocalSigningKeySource(sp.GetRequiredService<IServiceScopeFactory>(), dataDir));
        services.AddSingleton(sp => new TokenIssuer(sp.GetRequiredService<LocalSigningKeySource>().Key, options));
        services.AddSharedDataProtection();
        var validated = new ValidatedTokens(TimeProvider.System);
        services.AddSingleton(validated);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
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
            if (!string.IsNullOrEmpty(options.Authority))
            {
                jwt.Authority = options.Authority;
                jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
            }
            else
            {
                jwt.TokenValidationParameters.ValidIssuer = options.LocalIssuer;
            }
        });
        // The key lives in the database, so it is read when the options are first built (first request), not here.
        if (string.IsNullOrEmpty(options.Authority))
            services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
                .Configure<LocalSigningKeySource>((jwt, keys) => jwt.TokenValidationParameters.IssuerSigningKey = keys.Key);
        services.AddAuthorization();
        return services;
    }
}
