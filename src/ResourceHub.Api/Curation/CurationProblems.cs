using ResourceHub.Api.OData;
using ResourceHub.Domain.Curation;

namespace ResourceHub.Api.Curation;

/// <summary>How a domain curation refusal reads over HTTP.</summary>
public static class CurationProblems
{
    public static ODataProblem From(CurationError e) => e.Kind switch
    {
        CurationErrorKind.Forbidden => ODataProblem.Forbidden(e.Message),
        CurationErrorKind.Conflict => new ODataProblem(StatusCodes.Status409Conflict, "Conflict", e.Message, e.Target),
        _ => ODataProblem.BadRequest(e.Message, e.Target),
    };
}
