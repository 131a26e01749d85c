using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.OData;
using ResourceHub.Query.OData;

namespace ResourceHub.Api.OData;

/// <summary>
/// Turns every failure into the OData error body {"error":{code,message,target,details}}.
/// Client mistakes keep their message; anything unexpected is logged and answered with a plain
/// 500 that carries no stack trace.
/// </summary>
public sealed class ODataErrorMiddleware(RequestDelegate next, ILogger<ODataErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            Limits.ClientBodyStream.Wrap(context);
            await next(context);
        }
        catch (ODataProblem problem)
        {
            await WriteAsync(context, problem.Status, problem.Code, problem.Message, problem.Target, problem.Details, problem.Headers);
        }
        catch (AppError e)
        {
            var problem = AppProblems.From(e);
            await WriteAsync(context, problem.Status, problem.Code, problem.Message, problem.Target, problem.Details);
        }
        catch (ResourceHub.Domain.Curation.CurationError e)
        {
            var problem = Curation.CurationProblems.From(e);
            await WriteAsync(context, problem.Status, problem.Code, problem.Message, problem.Target, []);
        }
        catch (QueryValidationException e)
        {
            var details = e.Errors.Select(x => new ODataErrorDetail(x.Code, x.Message, x.Target)).ToList();
            var status = e.NotImplemented ? StatusCodes.Status501NotImplemented : StatusCodes.Status400BadRequest;
            await WriteAsync(context, status, details[0].Code, details[0].Message, details[0].Target, details);
        }
        catch (ODataContentTypeException e)
        {
            // ODL could not honour the Accept header's parameters (e.g. odata.metadata=bogus).
            await WriteAsync(context, StatusCodes.Status406NotAcceptable, "NotAcceptable", e.Message, "Accept", []);
        }
        catch (ODataException e)
        {
            // Raised by the OData parser/reader for malformed URLs and payloads: the client's mistake.
            await WriteAsync(context, StatusCodes.Status400BadRequest, "BadRequest", e.Message, null, []);
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own refusals: malformed chunking, a body over MaxRequestBodySize, a too slow upload.
            var (code, message) = e.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => ("PayloadTooLarge", $"请求体过大 (request body too large: {e.Message})"),
                StatusCodes.Status408RequestTimeout => ("RequestTimeout", $"请求体发送过慢或超时 (request body timed out: {e.Message})"),
                _ => ("BadRequest", $"HTTP 请求格式错误 (malformed HTTP request: {e.Message})"),
            };
            await WriteAsync(context, e.StatusCode, code, message, null, []);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to answer.
        }
        catch (Exception e)
        {
            logger.LogError(e, "Unhandled error for {Method} {Path}", context.Request.Method, context.Request.Path);
            await WriteAsync(context, StatusCodes.Status500InternalServerError, "InternalError",
                "服务器内部错误，请稍后重试 (internal server error)", null, []);
        }
    }

    public static async Task WriteAsync(HttpContext context, int status, string code, string message, string? target,
        IReadOnlyList<ODataErrorDetail> details, IReadOnlyDictionary<string, string>? headers = null)
    {
        if (context.Response.HasStarted)
        {
            context.Abort(); // a half-written body must not look complete
            return;
        }
        context.Response.Clear();
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; odata.metadata=minimal; charset=utf-8";
        context.Response.Headers["OData-Version"] = "4.0";
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            context.Response.Headers[name] = value;
        if (status == StatusCodes.Status401Unauthorized)
            context.Response.Headers.WWWAuthenticate = "Bearer";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await using var json = new Utf8JsonWriter(context.Response.Body, JsonOutput.WriterOptions);
        json.WriteStartObject();
        json.WriteStartObject("error");
        json.WriteString("code", code);
        json.WriteString("message", message);
        if (target is not null)
            json.WriteString("target", target);
        json.WriteStartArray("details");
        foreach (var d in details)
        {
            json.WriteStartObject();
            json.WriteString("code", d.Code);
            json.WriteString("message", d.Message);
            if (d.Target is not null)
                json.WriteString("target", d.Target);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
