namespace ResourceHub.Query.OData;

/// <summary>One thing wrong with a query: a stable code, a message for people, and the option or field it concerns.</summary>
public sealed record QueryError(string Code, string Message, string Target)
{
    /// <summary>The code of a valid request this service does not serve (HTTP 501), as opposed to the client's mistake.</summary>
    public const string NotImplemented = "NotImplemented";
}

/// <summary>Every problem found in a request's query options, reported together.</summary>
public sealed class QueryValidationException(IReadOnlyList<QueryError> errors)
    : Exception(errors.Count > 0 ? errors[0].Message : "invalid query")
{
    public IReadOnlyList<QueryError> Errors { get; } = errors;

    /// <summary>Only valid-but-unserved shapes were found (a 501); any mistake of the client's makes it a 400.</summary>
    public bool NotImplemented => Errors.Count > 0 && Errors.All(e => e.Code == QueryError.NotImplemented);
}
