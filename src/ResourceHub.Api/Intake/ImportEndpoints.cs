using Microsoft.AspNetCore.Http.Features;
using ResourceHub.Api.OData;
using ResourceHub.Application.Intake;

namespace ResourceHub.Api.Intake;

/// <summary>
/// POST /odata/ImportJobs with a ZIP body (manifest + files; ?submit=true to submit each item), bounded by
/// Import:MaxZipBytes, hands the body to <see cref="ImportJobs.StartAsync"/> (streamed to a temporary blob). GET
/// ImportJobs(id) shows its state and progress, ImportJobs(id)/Rows each row's outcome, and
/// ImportJobs(id)/Report the per-row report as XLSX.
/// </summary>
public sealed class ImportEndpoints(ImportJobs jobs, ImportOptions options)
{
    private const string Root = ServiceRoot.Path + "/" + ImportJobJson.Set;

    public static void Map(WebApplication app)
    {
        app.MapPost(Root, (HttpContext c, ImportEndpoints e) => e.PostAsync(c));
        app.MapGet(Root + "({id:guid})", (HttpContext c, Guid id, ImportEndpoints e) => e.GetAsync(c, id));
        app.MapGet(Root + "({id:guid})/Rows", (HttpContext c, Guid id, ImportEndpoints e) => e.RowsAsync(c, id));
        app.MapGet(Root + "({id:guid})/Report", (HttpContext c, Guid id, ImportEndpoints e) => e.ReportAsync(c, id));
    }

    public async Task PostAsync(HttpContext context)
    {
        var caller = context.RequireCaller();
        ImportJobs.CheckMayImport(caller); // before the body's size is even looked at
        if (context.Request.ContentLength > options.MaxZipBytes)
            throw TooLarge();
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            bodyLimit.MaxRequestBodySize = options.MaxZipBytes;
        var submit = context.Request.Query["submit"].ToString() is "true" or "1";
        var job = await jobs.StartAsync(caller, context.Request.Body, submit, context.RequestAborted);
        context.Response.Headers.Location = ServiceRoot.EntityUri(context.Request, ImportJobJson.Set, job.Id).ToString();
        await ImportJobJson.WriteJobAsync(context, new ImportProgress(job, 0, 0, 0, 0, 0), StatusCodes.Status201Created);
    }

    public async Task GetAsync(HttpContext context, Guid id) =>
        await ImportJobJson.WriteJobAsync(context, await jobs.FindAsync(context.RequireCaller(), id, context.RequestAborted));

    public async Task RowsAsync(HttpContext context, Guid id)
    {
        await jobs.FindAsync(context.RequireCaller(), id, context.RequestAborted);
        await ImportJobJson.WriteRowsAsync(context, await jobs.RowsAsync(id, context.RequestAborted));
    }

    public async Task ReportAsync(HttpContext context, Guid id)
    {
        var progress = await jobs.FindAsync(context.RequireCaller(), id, context.RequestAborted);
        var rows = await jobs.RowsAsync(id, context.RequestAborted);
        // Built in a temporary file: the XLSX writer wants a seekable stream, and a 20,000-row report stays off the heap.
        await using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        ImportReport.Write(file, progress.Job, rows);
        file.Position = 0;
        context.Response.ContentType = ImportReport.ContentType;
        context.Response.ContentLength = file.Length;
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"import-report.xlsx\"; filename*=UTF-8''{Uri.EscapeDataString("导入报告")}-{id:N}.xlsx";
        await file.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    private ODataProblem TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge",
            $"压缩包超过上限 {options.MaxZipBytes / (1024 * 1024)} MB，请分批导入 (the ZIP exceeds the size limit)", "body");
}
