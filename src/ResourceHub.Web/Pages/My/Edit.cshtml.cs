using ResourceHub.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResourceHub.Application;
using ResourceHub.Application.Identity;
using ResourceHub.Application.Resources;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Web.Pages.My;

/// <summary>Create a resource or edit one of mine; refusals of the use case are shown beside their fields.</summary>
public sealed class EditModel(ResourceAuthoring authoring, MyUploads mine) : PageModel
{
    [BindProperty] public ResourceForm Form { get; set; } = new();
    [FromRoute] public Guid? Id { get; set; }

    /// <summary>Messages by form field (the use case's field names).</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.OrdinalIgnoreCase);
    public string? Message { get; private set; }
    public bool IsRevision { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Id is not { } id)
        {
            ResourceAuthoring.CheckCanCreate(await HttpContext.SignedInCallerAsync(ct)); // a refused role sees 403, not a form it cannot save
            return;
        }
        var item = await mine.GetAsync(await HttpContext.SignedInCallerAsync(ct), id, ct);
        Form = ResourceForm.From(item.Editing, item.Live.ETag);
        IsRevision = item.Mode == EditMode.Revision;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var caller = await HttpContext.SignedInCallerAsync(ct);
        try
        {
            var resource = Id is { } id
                ? await authoring.UpdateAsync(caller, id, Form.ToChanges(), CheckVersion, ct)
                : await authoring.CreateAsync(caller, Form.ToChanges(), ct);
            return Redirect($"/my/{resource.Id}?saved=true");
        }
        catch (AppError e) when (e.Kind is AppErrorKind.BadRequest or AppErrorKind.PreconditionFailed)
        {
            foreach (var d in e.Details.Count > 0 ? e.Details : [new AppErrorDetail(e.Code, e.Message, e.Target)])
                if (d.Target is { } field && Field(field) is { } name)
                    Errors[name] = Errors.TryGetValue(name, out var before) ? before + "；" + d.Message : d.Message;
            Message = Errors.Count > 0 ? "请修改下面标出的内容后再保存。" : e.Message;
            Response.StatusCode = AppError.HttpStatusOf(e.Kind);
            return Page();
        }
        catch (CurationError e)
        {
            Message = e.Message; // e.g. an item under review cannot be edited
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
    }

    private void CheckVersion(Resource current)
    {
        if (Form.ETag is { Length: > 0 } seen && seen != current.ETag)
            throw new AppError(AppErrorKind.PreconditionFailed, "该资源已在别处被修改，请重新打开编辑页后再保存 (changed elsewhere since this form was opened)");
    }

    private static string? Field(string target) => target switch
    {
        "Topic" or "Topics" => "Topics",
        "If-Match" => null,
        _ => target,
    };

    public string? ErrorOf(string field) => Errors.GetValueOrDefault(field);
}
