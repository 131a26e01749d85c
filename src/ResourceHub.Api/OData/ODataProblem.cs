namespace ResourceHub.Api.OData;

public sealed record ODataErrorDetail(string Code, string Message, string? Target);

/// <summary>
/// A client-visible failure: becomes an OData error body with this status. Throw it anywhere in a
/// request; <see cref="ODataErrorMiddleware"/> writes it. Messages name the offending option or field.
/// </summary>
public sealed class ODataProblem(int status, string code, string message, string? target = null,
    IReadOnlyList<ODataErrorDetail>? details = null) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public string? Target { get; } = target;
    public IReadOnlyList<ODataErrorDetail> Details { get; } = details ?? [];

    /// <summary>Response headers the error needs (e.g. Content-Range on 416); set after the response is cleared.</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static ODataProblem BadRequest(string message, string? target = null, IReadOnlyList<ODataErrorDetail>? details = null) =>
        new(StatusCodes.Status400BadRequest, "BadRequest", message, target, details);

    public static ODataProblem NotFound(string message) => new(StatusCodes.Status404NotFound, "NotFound", message);

    public static ODataProblem Unauthorized() =>
        new(StatusCodes.Status401Unauthorized, "Unauthorized", "需要登录：请在 Authorization 头中提供 Bearer 令牌 (a bearer token is required)");

    public static ODataProblem Forbidden(string message) => new(StatusCodes.Status403Forbidden, "Forbidden", message);

    public static ODataProblem MethodNotAllowed(string method, string path) =>
        new(StatusCodes.Status405MethodNotAllowed, "MethodNotAllowed", $"{method} is not supported on {path}");

    public static ODataProblem PreconditionFailed(string message) =>
        new(StatusCodes.Status412PreconditionFailed, "PreconditionFailed", message, "If-Match");

    public static ODataProblem PreconditionRequired(string message) =>
        new(StatusCodes.Status428PreconditionRequired, "PreconditionRequired", message, "If-Match");

    public static ODataProblem NotImplemented(string message, string? target = null) =>
        new(StatusCodes.Status501NotImplemented, "NotImplemented", message, target);
}
