using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ResourceHub.Web.Rendering;

namespace ResourceHub.Web.Hosting;

/// <summary>How the host adds the web app: services, the middleware of web paths, and the pages at "/".</summary>
public static class WebApp
{
    public static IServiceCollection AddResourceHubWeb(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/Account/SignIn");
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "rh.antiforgery";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
        });
        services.AddSingleton<WebAssets>();
        services.AddSingleton<MarkdownRenderer>();
        return services;
    }

    /// <summary>Early in the pipeline: web pages get HTML errors and the security headers.</summary>
    public static void UseResourceHubWebErrors(this WebApplication app) =>
        app.UseWhen(c => WebPaths.IsWeb(c.Request.Path), b => b.UseMiddleware<WebErrorMiddleware>().UseMiddleware<WebSecurityHeaders>());

    public static void MapResourceHubWeb(this WebApplication app)
    {
        app.Services.GetRequiredService<WebAssets>().Serve(app);
        app.MapRazorPages();
    }
}
