using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResourceHub.Web.Hosting;

namespace ResourceHub.Web.Pages.Account;

/// <summary>退出: POST only (with the antiforgery token), so another site cannot sign a teacher out.</summary>
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        var viaProvider = User.HasClaim(c => c.Type == SignInChoices.ViaProviderClaim);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (viaProvider)
            // Ends the provider's session too, or the next 登录 would sign the same person straight back in.
            return SignOut(new AuthenticationProperties { RedirectUri = WebSession.SignInPath }, SignInChoices.ProviderScheme);
        return Redirect(WebSession.SignInPath);
    }
}
