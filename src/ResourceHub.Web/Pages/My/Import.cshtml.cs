using ResourceHub.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResourceHub.Application;
using ResourceHub.Application.Identity;
using ResourceHub.Application.Intake;
using ResourceHub.Domain.Intake;

namespace ResourceHub.Web.Pages.My;

/// <summary>批量导入: a ZIP (manifest + files) to the same ImportJobs use case as POST ImportJobs, then the job's rows.</summary>
public sealed class ImportModel(ImportJobs imports) : PageModel
{
    public ImportProgress? Progress { get; private set; }
    public IReadOnlyList<ImportRow> Rows { get; private set; } = [];
    public string? Message { get; private set; }

    [FromRoute] public Guid? Id { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Id is not { } id)
            return;
        Progress = await imports.FindAsync(await HttpContext.SignedInCallerAsync(ct), id, ct);
        Rows = await imports.RowsAsync(id, ct);
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? package, bool submit, CancellationToken ct)
    {
        try
        {
            if (package is null || package.Length == 0)
                throw AppError.BadRequest("请选择要导入的 ZIP 压缩包 (choose a ZIP file)", "package");
            await using var zip = package.OpenReadStream();
            var job = await imports.StartAsync(await HttpContext.SignedInCallerAsync(ct), zip, submit, ct);
            return Redirect($"/my/import/{job.Id}");
        }
        catch (AppError e)
        {
            Message = e.Message;
            Response.StatusCode = AppError.HttpStatusOf(e.Kind);
            return Page();
        }
    }

    /// <summary>Refresh while the worker is still at it (a meta refresh: no script needed, allowed by the page policy).</summary>
    public bool Working => Progress is { Job.IsFinished: false };

    public static string StateName(string state) => state switch
    {
        ImportState.Queued => "排队中",
        ImportState.Running => "导入中",
        ImportState.Succeeded => "已完成",
        ImportState.Failed => "失败",
        _ => state,
    };

    public static string RowStateName(string state) => state switch
    {
        ImportRowState.Pending => "待处理",
        ImportRowState.Created => "已新建",
        ImportRowState.Updated => "已更新",
        ImportRowState.Unchanged => "无变化",
        ImportRowState.Failed => "失败",
        _ => state,
    };
}
