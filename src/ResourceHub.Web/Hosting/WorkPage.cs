using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using ResourceHub.Application;
using ResourceHub.Application.Identity;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;

namespace ResourceHub.Web.Hosting;

/// <summary>
/// A page where someone does their job (review, 推优, administration): the caller resolved with its admin region,
/// and a use case's refusal shown on the page in its own words with the matching status.
/// </summary>
public abstract class WorkPage : PageModel
{
    public string? Message { get; protected set; }
    public bool MessageIsError { get; protected set; }

    /// <summary>The signed-in caller, with the region an admin manages (every rule downstream relies on it).</summary>
    protected Task<Caller> CallerAsync(CancellationToken ct) => HttpContext.SignedInCallerAsync(ct);

    /// <summary>
    /// Runs a form's use case: on success back to <paramref name="path"/> with the message it returns (POST → redirect
    /// → GET); a refusal is shown on this page, with what was entered, after <see cref="LoadAsync"/>.
    /// </summary>
    protected async Task<IActionResult> SubmitAsync(string path, Func<Caller, Task<string>> act, CancellationToken ct)
    {
        try
        {
            var done = await act(await CallerAsync(ct));
            return Redirect(path + (path.Contains('?') ? '&' : '?') + "done=" + Uri.EscapeDataString(done));
        }
        catch (Exception e) when (IsRefusal(e))
        {
            Show(e);
            await LoadAsync(ct);
            return Page();
        }
    }

    /// <summary>What the page shows besides the form (lists, the item); run for GET and again after a refusal.</summary>
    protected virtual Task LoadAsync(CancellationToken ct) => Task.CompletedTask;

    public static bool IsRefusal(Exception e) => e is AppError or CurationError;

    /// <summary>Shows the refusal on the page and answers with its status (403, 409, 400…).</summary>
    protected void Show(Exception refusal)
    {
        Message = refusal.Message;
        MessageIsError = true;
        Response.StatusCode = StatusOf(refusal);
    }

    public static int StatusOf(Exception refusal) => refusal switch
    {
        AppError a => AppError.HttpStatusOf(a.Kind),
        CurationError { Kind: CurationErrorKind.Forbidden } => StatusCodes.Status403Forbidden,
        CurationError { Kind: CurationErrorKind.Conflict } => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>The message a redirect after a successful post carries (?done=…), shown once as a status.</summary>
    protected void ShowDone(string? done)
    {
        if (!string.IsNullOrWhiteSpace(done))
            Message = done;
    }
}
