using ResourceHub.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Configuration;
using ResourceHub.Application;
using ResourceHub.Application.Curation;
using ResourceHub.Application.Identity;
using ResourceHub.Application.Resources;
using ResourceHub.Blobs;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Jobs;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Web.Pages.My;

/// <summary>
/// One of my items: status and reviewers' requests, the file (tus upload with progress in upload.js; a plain
/// multipart form without JavaScript), its transcoding progress, and submit / resubmit for review.
/// </summary>
[DisableRequestSizeLimit] // the no-script upload; the blob store enforces ResourceHub:Blobs:MaxBytes as it stores
[RequestFormLimits(MultipartBodyLengthLimit = BlobStoreLimits.DefaultMaxBytes)]
public sealed class ItemModel(MyUploads mine, ResourceUploads uploads, CurationRunner curation, UploadChecks checks, IConfiguration config) : PageModel
{
    public MyUpload Item { get; private set; } = null!;
    public IReadOnlyList<Domain.Resources.Checks.CheckResult> Checks { get; private set; } = [];
    public string? Message { get; private set; }
    public bool MessageIsError { get; private set; }

    [FromRoute] public Guid Id { get; set; }

    /// <summary>Bytes per tus PATCH: on a 512 kbit/s line 1 MB is ~16 s, so a drop loses little.</summary>
    public int ChunkBytes => config.GetValue("ResourceHub:Web:UploadChunkBytes", 1024 * 1024);

    public async Task OnGetAsync([FromQuery] bool saved, [FromQuery] bool uploaded, [FromQuery] bool submitted, CancellationToken ct)
    {
        await LoadAsync(ct);
        Message = submitted ? "已提交审核，专家评审后会通知您结果。"
            : uploaded ? "文件已上传。"
            : saved ? "已保存。" : null;
    }

    /// <summary>The media job's progress for upload.js to poll while it transcodes.</summary>
    public async Task<IActionResult> OnGetProgressAsync(CancellationToken ct)
    {
        var p = await mine.ProgressAsync(await HttpContext.SignedInCallerAsync(ct), Id, ct);
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(new { state = p.State, active = p.Active, percent = Math.Round(p.Percent, 1), label = MediaLabel(p) });
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken ct)
    {
        return await ActAsync(async caller =>
        {
            if (file is null || file.Length == 0)
                throw AppError.BadRequest("请选择要上传的文件 (choose a file)", "file");
            uploads.CheckSize(file.Length);
            var target = await uploads.OpenAsync(caller, Id, null, ct);
            await using var content = file.OpenReadStream();
            await uploads.SaveAsync(target, content, file.ContentType, file.FileName, ct);
            return "uploaded";
        }, ct);
    }

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) =>
        ActAsync(async caller =>
        {
            await curation.ActAsync(caller, Id, null, s => s.SubmitAsync(), ct);
            return "submitted";
        }, ct);

    /// <summary>Runs a use case; success goes back to the page (POST → redirect → GET), a refusal is shown on it.</summary>
    private async Task<IActionResult> ActAsync(Func<Domain.Access.Caller, Task<string>> run, CancellationToken ct)
    {
        try
        {
            var done = await run(await HttpContext.SignedInCallerAsync(ct));
            return Redirect($"/my/{Id}?{done}=true");
        }
        catch (Exception e) when (e is AppError { Kind: not AppErrorKind.NotFound and not AppErrorKind.Forbidden } or CurationError)
        {
            await LoadAsync(ct);
            Message = e.Message;
            MessageIsError = true;
            Response.StatusCode = e is AppError a ? AppError.HttpStatusOf(a.Kind) : StatusCodes.Status409Conflict;
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Item = await mine.GetAsync(await HttpContext.SignedInCallerAsync(ct), Id, ct);
        Checks = await checks.ForAsync(Item.Editing, ct);
        ViewData["Title"] = Item.Editing.Title;
    }

    /// <summary>The status the uploader acts on: a pending revision's when there is one.</summary>
    public string WorkingStatus => Item.RevisionStatus ?? Item.Live.Status;

    public bool CanSubmit => Item.Mode != EditMode.Locked
                             && WorkingStatus is ResourceStatus.Draft or ResourceStatus.ChangesRequested or ResourceStatus.Rejected
                             && (Item.Mode == EditMode.InPlace || Item.RevisionStatus is not null);

    public bool IsResubmit => WorkingStatus is ResourceStatus.ChangesRequested or ResourceStatus.Rejected;

    public static string MediaLabel(JobProgressView p) => p.State switch
    {
        null => "",
        JobState.Queued => "排队等待转码…",
        JobState.Running => $"转码中 {p.Percent:0}%" + p.EtaSeconds switch
        {
            > 60 and var eta => $"，约剩 {Math.Ceiling(eta / 60):0} 分钟",
            > 0 and var eta => $"，约剩 {Math.Ceiling(eta):0} 秒",
            _ => "",
        },
        JobState.Succeeded => "转码完成",
        JobState.Failed => "转码失败：" + (p.Error ?? "未知原因"),
        _ => "已取消（文件已被替换）",
    };
}
