namespace ResourceHub.Api.OData;

/// <summary>How a use case's refusal (<see cref="AppError"/>) reads over OData.</summary>
public static class AppProblems
{
    public static ODataProblem From(AppError e) => new(AppError.HttpStatusOf(e.Kind), e.Code, e.Message, e.Target,
        e.Details.Select(d => new ODataErrorDetail(d.Code, d.Message, d.Target)).ToList());
}
