using Microsoft.AspNetCore.Http.Features;
using ResourceHub.Api.OData;
using ResourceHub.Application.Intake;
using ResourceHub.Blobs;
using ResourceHub.Blobs.Sniffing;
using MediaTypes = ResourceHub.Blobs.Sniffing.MediaTypes;

namespace ResourceHub.Api.Intake;

/// <summary>
/// POST /odata/ImportJobs with a ZIP body (manifest + files; ?submit=true to submit each item) streams the
/// body into a temporary blob — never into memory — and queues a durable job for the worker. GET
/// ImportJobs(id) shows its state and progress, ImportJobs(id)/Rows each row's outcome, and
/// ImportJobs(id)/Report the per-row report as XLSX.
/// </summary>
public sealed class ImportEndpoints(ImportJobs jobs, IBlobStore blobs, ImportOptions options)
{
    private const string Root = ServiceRoot.Path + "/" + ImportJobJson.Set;

    public static void Map(WebApplication app)
    {
        app.MapPost(Root, (HttpContext c, ImportEndpoints e) => e.PostAsync(c));
        app.MapGet(Root + "({id:guid})", (HttpContext c, Guid id, ImportEndpoints e) => e.GetAsync(c, id));
        app.MapGet(Root + "({id:guid})/Rows", (HttpContext c, Guid id, ImportEndpoints e) => e.RowsAsync(c, id));
        app.MapGet(Root + "({id:guid})/Report", (HttpContext c, Guid id, ImportEndpoints e) => e.ReportAsync(c, id));
    }

    public static string BlobKeyOf(Guid id) => $"imports/{id:N}.zip";

    public async Task PostAsync(HttpContext context)
    {
        var caller = context.RequireCaller();
        ImportJobs.CheckMayImport(caller); // before a byte is stored
        if (context.Request.ContentLength > options.MaxZipBytes)
            throw TooLarge();
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            bodyLimit.MaxRequestBodySize = options.MaxZipBytes;
        var submit = context.Request.Query["submit"].ToString() is "true" or "1";
        var sniffed = await ContentSniffer.SniffAsync(context.Request.Body, context.RequestAborted);
        await using var body = sniffed.Content;
        if (sniffed.MediaType != MediaTypes.Zip)
            throw new ODataProblem(StatusCodes.Status415UnsupportedMediaType, "NotAZip",
                "上传的内容不是 ZIP 压缩包：请把清单（.csv 或 .xlsx）和文件打包成一个 .zip (the body must be a ZIP archive)", "body");

        var id = Guid.NewGuid();
        var key = BlobKeyOf(id);
        await blobs.PutAsync(key, body, MediaTypes.Zip, context.RequestAborted);
        ImportProgress created;
        try
        {
            var job = await jobs.CreateAsync(caller, id, key, sourceIsBlob: true, submit, context.RequestAborted);
            created = new ImportProgress(job, 0, 0, 0, 0, 0);
        }
        catch
        {
            await blobs.DeleteAsync(key, CancellationToken.None);
            throw;
        }
        context.Response.Headers.Location = ServiceRoot.EntityUri(context.Request, ImportJobJson.Set, id).ToString();
        await ImportJobJson.WriteJobAsync(context, created, StatusCodes.Status201Created);
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
