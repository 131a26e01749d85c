using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
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
        }).ConfigureApplicationPartManager(parts =>
        {
            // Found from the entry assembly when the API runs; named here for hosts that start it otherwise (tests).
            var web = typeof(WebApp).Assembly;
            if (!parts.ApplicationParts.OfType<AssemblyPart>().Any(p => p.Assembly == web))
                foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(web).GetApplicationParts(web))
                    parts.ApplicationParts.Add(part);
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "rh.antiforgery";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
        });
        services.AddSingleton(Html.Encoder); // Razor's encoder too: Chinese stays characters
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
