namespace ResourceHub.Query.OData;

/// <summary>One thing wrong with a query: a stable code, a message for people, and the option or field it concerns.</summary>
public sealed record QueryError(string Code, string Message, string Target);

/// <summary>Every problem found in a request's query options, reported together.</summary>
public sealed class QueryValidationException(IReadOnlyList<QueryError> errors)
    : Exception(errors.Count > 0 ? errors[0].Message : "invalid query")
{
    public IReadOnlyList<QueryError> Errors { get; } = errors;
}
