using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ResourceHub.Application;

namespace ResourceHub.Web.Hosting;

/// <summary>
/// A failure on a web page becomes a short Chinese page with the right status (never the API's JSON, never a
/// stack trace). Pages show expected refusals themselves; this catches what escapes them.
/// </summary>
public sealed class WebErrorMiddleware(RequestDelegate next, ILogger<WebErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (WorkPage.IsRefusal(e))
        {
            await WriteAsync(context, WorkPage.StatusOf(e), e.Message);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Unhandled error for {Method} {Path}", context.Request.Method, context.Request.Path);
            await WriteAsync(context, StatusCodes.Status500InternalServerError, "服务器内部错误，请稍后重试。");
        }
    }

    private static async Task WriteAsync(HttpContext context, int status, string message)
    {
        if (context.Response.HasStarted)
        {
            context.Abort();
            return;
        }
        context.Response.Clear();
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        var text = Rendering.Html.Encoder.Encode(message);
        await context.Response.WriteAsync(
            $"<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>出错了 - 教师研修资源库</title>" +
            $"<link rel=\"stylesheet\" href=\"{WebAssets.Path}/site.css\"></head><body><main class=\"page\"><h1>出错了</h1>" +
            $"<p>{text}</p><p><a href=\"/\">返回首页</a></p></main></body></html>", context.RequestAborted);
    }
}
