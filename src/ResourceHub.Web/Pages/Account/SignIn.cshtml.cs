using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResourceHub.Application;
using ResourceHub.Application.Identity;
using ResourceHub.Web.Hosting;

namespace ResourceHub.Web.Pages.Account;

/// <summary>
/// 登录 with a local account (embedded setup). The seam for OpenID Connect: a provider's sign-in ends in the same
/// cookie session built from the same claims (<see cref="CallerClaims.ToClaims"/>).
/// </summary>
public sealed class SignInModel(LocalAccounts accounts) : PageModel
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
            return Refuse("请输入用户名和密码。", StatusCodes.Status400BadRequest);
        try
        {
            var caller = await accounts.SignInAsync(UserName.Trim(), Password, ct);
            var identity = new ClaimsIdentity(caller.ToClaims(), CookieAuthenticationDefaults.AuthenticationScheme, ClaimNames.DisplayName, ClaimNames.Role);
            await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && WebPaths.IsWeb(ReturnUrl) ? ReturnUrl : "/");
        }
        catch (AppError e)
        {
            return Refuse(e.Message, AppError.HttpStatusOf(e.Kind) == StatusCodes.Status403Forbidden ? StatusCodes.Status401Unauthorized : AppError.HttpStatusOf(e.Kind));
        }
    }

    private PageResult Refuse(string message, int status)
    {
        Error = message;
        Password = null;
        Response.StatusCode = status;
        return Page();
    }
}
