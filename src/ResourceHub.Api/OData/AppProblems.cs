namespace ResourceHub.Api.OData;

/// <summary>How a use case's refusal (<see cref="AppError"/>) reads over OData.</summary>
public static class AppProblems
{
    public static ODataProblem From(AppError e) => new(StatusOf(e.Kind), e.Code, e.Message, e.Target);

    private static int StatusOf(AppErrorKind kind) => kind switch
    {
        AppErrorKind.NotFound => StatusCodes.Status404NotFound,
        AppErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        AppErrorKind.Conflict => StatusCodes.Status409Conflict,
        AppErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        AppErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status400BadRequest,
    };
}
