using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;

namespace ResourceHub.Api.OData.Batch;

/// <summary>
/// POST /odata/$batch in the OData 4.01 JSON format. Each request runs through the same router and
/// error handling as a direct call, as the same caller (so VisibilityScope applies to every part).
/// An atomicityGroup shares one DbContext and one transaction: if any member fails, all roll back.
/// </summary>
public sealed class JsonBatchHandler(IServiceScopeFactory scopes, ILogger<ODataErrorMiddleware> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        context.RequireCaller();
        if (!HttpMethods.IsPost(context.Request.Method))
            throw ODataProblem.MethodNotAllowed(context.Request.Method, context.Request.Path);
        if (context.Request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            throw new ODataProblem(StatusCodes.Status415UnsupportedMediaType, "UnsupportedMediaType",
                "仅支持 JSON 批处理 (only the JSON batch format, Content-Type: application/json, is supported)", "Content-Type");
        if (IsNested(context))
            throw ODataProblem.BadRequest("批处理不能嵌套 ($batch cannot be nested)", "url");
        var limits = Limits.LimitOptions.Of(context);
        IReadOnlyList<BatchRequest> requests;
        using (var doc = await JsonPayload.ReadAsync(context.Request, limits.BatchBodyBytes))
            requests = BatchRequest.ParseAll(doc.RootElement, limits.BatchRequests);

        var responses = new List<BatchResponse>();
        var budget = new ResponseBudget(limits.BatchResponseBytes);
        foreach (var unit in Units(requests))
            responses.AddRange(await RunUnitAsync(context, unit, responses, budget));
        await WriteAsync(context, responses);
    }

    /// <summary>Set on every part's context: the router refuses a $batch target however its URL was spelled.</summary>
    private const string PartMarker = "ResourceHub.BatchPart";

    public static bool IsNested(HttpContext context) => context.Items.ContainsKey(PartMarker);

    /// <summary>Consecutive members of one atomicity group form one unit; every other request is a unit of its own.</summary>
    private static IEnumerable<List<BatchRequest>> Units(IReadOnlyList<BatchRequest> requests)
    {
        var current = new List<BatchRequest>();
        foreach (var r in requests)
        {
            if (current.Count > 0 && (r.AtomicityGroup is null || r.AtomicityGroup != current[0].AtomicityGroup))
            {
                yield return current;
                current = [];
            }
            current.Add(r);
        }
        if (current.Count > 0)
            yield return current;
    }

    private async Task<List<BatchResponse>> RunUnitAsync(HttpContext outer, List<BatchRequest> unit, List<BatchResponse> earlier,
        ResponseBudget budget)
    {
        await using var scope = scopes.CreateAsyncScope();
        var atomic = unit[0].AtomicityGroup is not null;
        var db = scope.ServiceProvider.GetRequiredService<ResourceHubDbContext>();
        await using var transaction = atomic ? await db.Database.BeginTransactionAsync(outer.RequestAborted) : null;
        var results = new List<BatchResponse>();
        foreach (var request in unit)
        {
            var failedDependency = request.DependsOn.FirstOrDefault(d =>
                earlier.Concat(results).Any(r => (r.Id == d || r.Group == d) && r.Status >= 400));
            results.Add(failedDependency is not null
                ? BatchResponse.Error(request, StatusCodes.Status424FailedDependency, "FailedDependency", $"依赖的请求 {failedDependency} 失败 (request {failedDependency} failed)")
                : budget.Spent
                    ? budget.NotRun(request)
                    : await RunOneAsync(outer, scope.ServiceProvider, request, budget));
            if (atomic && results[^1].Status >= 400)
                break;
        }
        if (!atomic)
            return results;
        if (results.All(r => r.Status < 400) && results.Count == unit.Count)
        {
            await transaction!.CommitAsync(outer.RequestAborted);
            return results;
        }
        await transaction!.RollbackAsync(outer.RequestAborted);
        // The whole group failed: members that had succeeded are reported as rolled back.
        return unit.Select(r => results.FirstOrDefault(x => x.Id == r.Id && x.Status >= 400)
                                ?? BatchResponse.Error(r, StatusCodes.Status424FailedDependency, "RolledBack",
                                    $"原子组 {r.AtomicityGroup} 中有请求失败，已全部回滚 (another request in atomicityGroup {r.AtomicityGroup} failed; nothing was changed)"))
            .ToList();
    }

    private async Task<BatchResponse> RunOneAsync(HttpContext outer, IServiceProvider services, BatchRequest request, ResponseBudget budget)
    {
        var sub = new DefaultHttpContext { RequestServices = services, User = outer.User, RequestAborted = outer.RequestAborted };
        sub.Items[PartMarker] = true;
        sub.Request.Method = request.Method;
        sub.Request.Scheme = outer.Request.Scheme;
        sub.Request.Host = outer.Request.Host;
        sub.Request.PathBase = outer.Request.PathBase;
        foreach (var (name, value) in request.Headers)
            sub.Request.Headers[name] = value;
        if (!Target(ServiceRoot.Of(outer.Request), outer.Request.PathBase, request.Url, out var path, out var query))
            return BatchResponse.Error(request, StatusCodes.Status400BadRequest, "BadRequest", $"url {request.Url} 不在服务根之下 (url must be relative to the service root)");
        sub.Request.Path = path;
        sub.Request.QueryString = query;
        if (request.Body is { } body)
        {
            sub.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body.GetRawText()));
            if (!request.Headers.ContainsKey("Content-Type"))
                sub.Request.ContentType = "application/json";
        }
        var output = budget.Stream();
        sub.Response.Body = output;
        var router = services.GetRequiredService<ODataRouter>();
        await new ODataErrorMiddleware(router.HandleAsync, logger).InvokeAsync(sub);
        return BatchResponse.From(request, sub.Response, budget.Take(output));
    }

    /// <summary>
    /// "Resources?…", "/odata/Resources?…" or an absolute URL, resolved against the service root the way a
    /// client would ("./", "../" and escapes normalised); it must stay under the service root.
    /// </summary>
    private static bool Target(Uri serviceRoot, PathString pathBase, string url, out PathString path, out QueryString query)
    {
        path = default;
        query = default;
        if (!Uri.TryCreate(serviceRoot, url, out var resolved)
            || !(resolved.Scheme == Uri.UriSchemeHttp || resolved.Scheme == Uri.UriSchemeHttps)
            || !(resolved.AbsolutePath + "/").StartsWith(serviceRoot.AbsolutePath, StringComparison.OrdinalIgnoreCase))
            return false;
        path = PathString.FromUriComponent(resolved.AbsolutePath[(pathBase.Value?.Length ?? 0)..]);
        query = QueryString.FromUriComponent(resolved.Query);
        return true;
    }

    private static async Task WriteAsync(HttpContext context, List<BatchResponse> responses)
    {
        var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer, JsonOutput.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteStartArray("responses");
            foreach (var r in responses)
                r.Write(json);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
