using Microsoft.AspNetCore.Http;

namespace ResourceHub.Application;

public enum AppErrorKind { BadRequest, NotFound, Forbidden, Conflict, PreconditionFailed, Unavailable, UnsupportedMediaType, TooLarge }

/// <summary>One problem of several found at once (e.g. each invalid field of a form), for the adapter to show beside its field.</summary>
public sealed record AppErrorDetail(string Code, string Message, string? Target);

/// <summary>
/// A use case's refusal, in the words the caller sees (Chinese first). Each driving adapter says it its own
/// way: the OData adapter as an error body with the matching status, the web pages as a message on the page.
/// </summary>
public sealed class AppError(AppErrorKind kind, string message, string? target = null, string? code = null,
    IReadOnlyList<AppErrorDetail>? details = null) : Exception(message)
{
    /// <summary>Every problem when there were several (the message is the first's).</summary>
    public IReadOnlyList<AppErrorDetail> Details { get; } = details ?? [];

    public AppErrorKind Kind { get; } = kind;
    public string? Target { get; } = target;

    /// <summary>A machine-readable name more specific than the kind (e.g. SearchUnavailable), when there is one.</summary>
    public string Code { get; } = code ?? kind.ToString();

    /// <summary>The HTTP status both HTTP adapters (OData, web pages) answer this kind with.</summary>
    public static int HttpStatusOf(AppErrorKind kind) => kind switch
    {
        AppErrorKind.NotFound => StatusCodes.Status404NotFound,
        AppErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        AppErrorKind.Conflict => StatusCodes.Status409Conflict,
        AppErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        AppErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        AppErrorKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        AppErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status400BadRequest,
    };

    public static AppError NotFound(string message) => new(AppErrorKind.NotFound, message);
    public static AppError Forbidden(string message) => new(AppErrorKind.Forbidden, message);
    public static AppError BadRequest(string message, string? target = null) => new(AppErrorKind.BadRequest, message, target);
    public static AppError Conflict(string message) => new(AppErrorKind.Conflict, message);

    /// <summary>Invalid fields, all of them: the first names the error, the details list each.</summary>
    public static AppError Invalid(IReadOnlyList<AppErrorDetail> details) =>
        new(AppErrorKind.BadRequest, details[0].Message, details[0].Target, details: details);
}
