using Microsoft.EntityFrameworkCore;
using ResourceHub.Api.Cli;
using ResourceHub.Application;
using ResourceHub.Application.Intake;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Intake;

namespace ResourceHub.Api.Intake;

/// <summary>
/// import &lt;folder|zip&gt; --as &lt;user&gt; [--submit] [--report FILE] [--data-dir DIR]: imports a package as a known user
/// (signed in once, or added with `user add`). Resumable: run it again after an interruption and it goes on
/// at the first row not yet done; run it again after it finished and unchanged rows stay as they are.
/// </summary>
public static class ImportVerb
{
    public const string Usage = "用法 (usage): import <文件夹或 .zip> --as <用户> [--submit] [--report 报告.xlsx] [--data-dir DIR]";

    public static async Task<int> RunAsync(string[] args, IConfiguration config, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var options = CliOptions.Parse(args);
        var path = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        var userId = options.Single("as");
        if (path is null || userId is null or "true")
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        var source = Path.GetFullPath(path);
        if (!Directory.Exists(source) && !File.Exists(source))
        {
            await error.WriteLineAsync($"找不到“{source}” (no such folder or file)");
            return 2;
        }

        await using var app = await CliHost.StartAsync(config);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var user = await services.GetRequiredService<ResourceHubDbContext>().Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            await error.WriteLineAsync($"用户“{userId}”不存在：先用 `user add` 添加，或让他登录一次 (unknown user)");
            return 2;
        }
        var caller = new Caller(user.Id, user.DisplayName, user.Role, user.OrgCode, user.Subjects);
        var jobs = services.GetRequiredService<ImportJobs>();
        var packageOptions = services.GetRequiredService<ImportOptions>();
        try
        {
            var job = await jobs.UnfinishedAsync(caller, source, ct)
                ?? await jobs.CreateAsync(caller, Guid.NewGuid(), source, sourceIsBlob: false, options.Single("submit") == "true", ct);
            // One holder per user and package on this machine: a run that was killed can be resumed at once.
            var owner = $"cli/{Environment.MachineName}/{caller.UserId}";
            var claimed = await services.GetRequiredService<ImportJobQueue>().ClaimAsync(job.Id, owner, ct);
            if (claimed is null)
            {
                await error.WriteLineAsync("这个导入正由其他进程处理，请稍后再试 (the import is being run elsewhere)");
                return 1;
            }
            await output.WriteLineAsync($"import: 任务 {job.Id}（{(claimed.Attempts > 1 ? "继续上次未完成的导入" : "新导入")}），机构 {caller.OrgCode}");
            string? refusal = null;
            try
            {
                using IImportPackage package = Directory.Exists(source) ? new FolderPackage(source, packageOptions) : new ZipPackage(source, packageOptions);
                var progress = new LineProgress(row => output.WriteLine(Describe(row)));
                if (!await services.GetRequiredService<ImportRunner>().RunAsync(claimed, owner, package, progress, ct))
                    return 1;
            }
            catch (AppError e)
            {
                refusal = e.Message;
            }
            catch (OperationCanceledException)
            {
                await services.GetRequiredService<ImportJobQueue>().ReleaseAsync(job.Id, owner, CancellationToken.None);
                await error.WriteLineAsync("import: 已中断，再次运行同一命令即可继续 (interrupted; run the same command again to resume)");
                return 1;
            }
            await services.GetRequiredService<ImportJobQueue>().FinishAsync(job.Id, owner, refusal, CancellationToken.None);
            var result = await jobs.FindAsync(caller, job.Id, CancellationToken.None);
            var reportPath = Path.GetFullPath(options.Single("report") ?? $"import-report-{job.Id:N}.xlsx");
            await using (var report = File.Create(reportPath))
                ImportReport.Write(report, result.Job, await jobs.RowsAsync(job.Id, CancellationToken.None));
            if (refusal is not null)
                await error.WriteLineAsync($"import: 整个包未导入：{refusal}");
            await output.WriteLineAsync(
                $"import: 共 {result.Job.TotalRows} 行，新建 {result.Created}，更新 {result.Updated}，无变化 {result.Unchanged}，失败 {result.Failed}；报告 {reportPath}");
            return refusal is null && result.Failed == 0 ? 0 : 1;
        }
        catch (AppError e)
        {
            await error.WriteLineAsync($"import: {e.Message}");
            return 1;
        }
    }

    private static string Describe(ImportRow row) =>
        row.State == ImportRowState.Failed ? row.Message ?? $"行 {row.Line}：失败" : $"行 {row.Line}：{ImportRowState.NameOf(row.State)} {row.ExternalId} → {row.ResourceId}";

    /// <summary>Reports on the calling thread, so lines come out in row order.</summary>
    private sealed class LineProgress(Action<ImportRow> report) : IProgress<ImportRow>
    {
        public void Report(ImportRow value) => report(value);
    }
}
