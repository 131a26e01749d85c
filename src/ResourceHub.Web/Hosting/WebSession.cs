using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace ResourceHub.Web.Hosting;

/// <summary>The signed-in session of the web pages: an encrypted cookie script cannot read and other sites do not send.</summary>
public static class WebSession
{
    public const string CookieName = "rh.session";
    public const string SignInPath = "/signin";

    public static void Configure(CookieAuthenticationOptions o)
    {
        o.Cookie.Name = CookieName;
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax; // Lax, so a link from a provincial platform arrives signed in; writes need antiforgery
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.SlidingExpiration = true;
        o.LoginPath = SignInPath;
        o.LogoutPath = "/signout";
        o.AccessDeniedPath = SignInPath;
        o.ReturnUrlParameter = "returnUrl";
        // The API and media answer 401/403 themselves; only pages redirect to sign-in.
        o.Events.OnRedirectToLogin = c => Redirect(c, StatusCodes.Status401Unauthorized);
        o.Events.OnRedirectToAccessDenied = c => Redirect(c, StatusCodes.Status403Forbidden);
    }

    private static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> c, int apiStatus)
    {
        if (WebPaths.IsWeb(c.Request.Path))
            c.Response.Redirect(c.RedirectUri);
        else
            c.Response.StatusCode = apiStatus;
        return Task.CompletedTask;
    }
}
