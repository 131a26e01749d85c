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
/// 登录 through the province's identity provider and/or with a local account (<see cref="SignInChoices"/>). Both end
/// in the same cookie session built from the same claims (<see cref="CallerClaims.ToClaims"/>).
/// </summary>
public sealed class SignInModel(LocalAccounts accounts, SignInChoices choices) : PageModel
{
    public SignInChoices Choices => choices;
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet(string? failed)
    {
        Error = failed switch
        {
            null or "" => null,
            "claims" => "统一身份认证账号缺少本平台需要的信息（角色、所属机构），请联系本单位管理员。",
            _ => "统一身份认证登录没有完成，请重试。",
        };
    }

    /// <summary>Hands the browser to the provider; it comes back to the callback and then to <see cref="ReturnUrl"/>.</summary>
    public IActionResult OnPostProvider()
    {
        if (!choices.Provider)
            return NotFound();
        return Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl }, SignInChoices.ProviderScheme);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!choices.LocalAccounts)
            return Refuse("本平台使用统一身份认证登录，请点击上方按钮。", StatusCodes.Status403Forbidden);
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
            return Refuse("请输入用户名和密码。", StatusCodes.Status400BadRequest);
        try
        {
            var caller = await accounts.SignInAsync(UserName.Trim(), Password, ct);
            var identity = new ClaimsIdentity(caller.ToClaims(), CookieAuthenticationDefaults.AuthenticationScheme, ClaimNames.DisplayName, ClaimNames.Role);
            await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            return LocalRedirect(SafeReturnUrl);
        }
        catch (AppError e)
        {
            return Refuse(e.Message, AppError.HttpStatusOf(e.Kind) == StatusCodes.Status403Forbidden ? StatusCodes.Status401Unauthorized : AppError.HttpStatusOf(e.Kind));
        }
    }

    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) && WebPaths.IsWeb(ReturnUrl) ? ReturnUrl : "/";

    private PageResult Refuse(string message, int status)
    {
        Error = message;
        Password = null;
        Response.StatusCode = status;
        return Page();
    }
}
